import { useId } from 'react';
import { NumberField } from '../../components/number-field.tsx';
import { ModelPicker } from '../../components/model-picker.tsx';
import { OperatingFields } from '../../components/operating-fields.tsx';
import type { ModelRow } from '../../core/catalog/schema.ts';
import { lengthKind } from '../../core/select/selection-request.ts';
import { DEFAULT_CUSTOM, MODES, NUMBER_RULES, type Selection } from '../../core/share/selection.ts';
import type { SelectionPatch } from '../../state/selection-slice.ts';
import { CustomModelFields } from './custom-model-fields.tsx';

/** Precisions offered; `best` lets each device use its best supported one. */
export const PRECISION_CHOICES: readonly [string, string][] = [
  ['best', 'best available per device'],
  ['fp32', 'fp32'],
  ['tf32', 'tf32'],
  ['bf16', 'bf16'],
  ['fp16', 'fp16'],
  ['fp8', 'fp8'],
  ['fp4', 'fp4'],
  ['int8', 'int8'],
  ['int4', 'int4'],
  ['q8_0', 'q8_0 (GGUF)'],
  ['q6_k', 'q6_k (GGUF)'],
  ['q5_k_m', 'q5_k_m (GGUF)'],
  ['q4_k_m', 'q4_k_m (GGUF)'],
  ['q4_0', 'q4_0 (GGUF)'],
];

/**
 * What runs: model, mode, precision, runtime, scenario, batch (single stream only: offline searches it),
 * devices and the lengths this model's architecture uses.
 */
export function WorkloadControls(props: {
  selection: Selection;
  /** The model being ranked (the default when the link's id is unknown). */
  model: ModelRow | null;
  models: readonly ModelRow[];
  set: (patch: SelectionPatch) => void;
}) {
  const { selection: s, model, set } = props;
  const id = useId();
  const kind = model ? lengthKind(model, s.mode) : 'llm';
  const precisions = PRECISION_CHOICES.some(([p]) => p === s.precision)
    ? PRECISION_CHOICES
    : [...PRECISION_CHOICES, [s.precision, s.precision] as [string, string]];
  return (
    <fieldset className="fieldset">
      <legend>Workload</legend>
      <ModelPicker
        models={props.models}
        value={s.model}
        onPick={(m) => set(m === 'custom' ? { model: m, custom: { ...DEFAULT_CUSTOM } } : { model: m })}
      />
      {s.model === 'custom' && s.custom && (
        <CustomModelFields value={s.custom} onChange={(custom) => set({ custom })} />
      )}
      <div className="field">
        <label htmlFor={`${id}-mode`}>Mode</label>
        <select
          id={`${id}-mode`}
          value={s.mode}
          onChange={(e) => set({ mode: e.target.value as Selection['mode'] })}
        >
          {MODES.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
      </div>
      <div className="field field-wide">
        <label htmlFor={`${id}-precision`}>Precision</label>
        <select
          id={`${id}-precision`}
          value={s.precision}
          onChange={(e) => set({ precision: e.target.value })}
        >
          {precisions.map(([p, label]) => (
            <option key={p} value={p}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <OperatingFields
        runtime={s.runtime}
        scenario={s.scenario}
        onRuntime={(runtime) => set({ runtime })}
        onScenario={(scenario) => set({ scenario })}
      />
      {s.scenario === 'offline' ? (
        <p className="muted field-note">Batch and layout: searched per device for the best throughput.</p>
      ) : (
        <NumberField
          label="Batch"
          value={s.batch}
          rule={NUMBER_RULES.batch}
          onCommit={(v) => v && set({ batch: v })}
        />
      )}
      <NumberField
        label="Devices"
        value={s.devices}
        rule={NUMBER_RULES.devices}
        onCommit={(v) => v && set({ devices: v })}
      />
      {kind === 'llm' && (
        <>
          <NumberField
            label="Prompt tokens"
            value={s.prompt}
            rule={NUMBER_RULES.prompt}
            onCommit={(v) => v && set({ prompt: v })}
          />
          <NumberField
            label="Generated tokens"
            value={s.gen}
            rule={NUMBER_RULES.gen}
            onCommit={(v) => v && set({ gen: v })}
          />
        </>
      )}
      {kind === 'seq' && (
        <NumberField
          label="Sequence length"
          value={s.seq}
          rule={NUMBER_RULES.seq}
          onCommit={(v) => v && set({ seq: v })}
        />
      )}
      {kind === 'image' && (
        <NumberField
          label="Image size (px)"
          value={s.image}
          rule={NUMBER_RULES.image}
          onCommit={(v) => v && set({ image: v })}
        />
      )}
    </fieldset>
  );
}
