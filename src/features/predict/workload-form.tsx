import type { HardwareRow, Mode, ModelRow } from '../../core/catalog/schema.ts';
import type { WorkloadInput } from '../../queries/operating-points.ts';

export type { WorkloadInput };

const PRECISIONS = ['fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'fp4', 'int8', 'int4', 'q4_k_m', 'q4_0', 'q8_0'];

const positive = (s: string, fallback: number) => {
  const n = Math.round(Number(s));
  return Number.isFinite(n) && n >= 1 && n <= 1_000_000 ? n : fallback;
};

/** The workload: model (type-ahead over ids), devices, mode, precision and sizes. */
export function WorkloadForm(props: {
  value: WorkloadInput;
  onChange: (v: WorkloadInput) => void;
  hardware: readonly HardwareRow[];
  models: readonly ModelRow[];
}) {
  const { value: v, onChange } = props;
  const set = <K extends keyof WorkloadInput>(k: K, x: WorkloadInput[K]) => onChange({ ...v, [k]: x });
  const num = (
    k: 'batch' | 'nDevices' | 'seqLen' | 'promptTokens' | 'genTokens' | 'imageSize',
    label: string,
  ) => (
    <label className="field">
      <span>{label}</span>
      <input type="number" min={1} value={v[k]} onChange={(e) => set(k, positive(e.target.value, v[k]))} />
    </label>
  );
  return (
    <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Workload">
      <label className="field">
        <span>Model</span>
        <input list="model-ids" value={v.model} onChange={(e) => set('model', e.target.value.trim())} />
        <datalist id="model-ids">
          {props.models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </datalist>
      </label>
      <label className="field">
        <span>Hardware</span>
        <select
          multiple
          size={4}
          value={v.hardware}
          onChange={(e) =>
            set(
              'hardware',
              [...e.target.selectedOptions].map((o) => o.value),
            )
          }
        >
          {props.hardware.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Mode</span>
        <select value={v.mode} onChange={(e) => set('mode', e.target.value as Mode)}>
          <option value="inference">inference</option>
          <option value="training">training</option>
        </select>
      </label>
      <label className="field">
        <span>Precision</span>
        <select value={v.precision} onChange={(e) => set('precision', e.target.value)}>
          {PRECISIONS.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      {num('batch', 'Batch')}
      {num('nDevices', 'Devices')}
      {num('seqLen', 'Sequence length')}
      {num('promptTokens', 'Prompt tokens')}
      {num('genTokens', 'Generated tokens')}
      {num('imageSize', 'Image size')}
    </form>
  );
}
