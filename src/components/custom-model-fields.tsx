import { useId, useState, type DragEvent } from 'react';
import { NumberField } from './number-field.tsx';
import { describeModel, specFromHfConfig } from '../core/predict/describe.ts';
import { ARCHITECTURES, NUMBER_RULES, type Architecture, type CustomModel } from '../core/share/selection.ts';

type NumKey = 'params' | 'layers' | 'hidden' | 'heads' | 'kvHeads' | 'ffn' | 'vocab';
const FIELDS: readonly [NumKey, string][] = [
  ['params', 'Parameters (billions)'],
  ['layers', 'Layers'],
  ['hidden', 'Hidden size'],
  ['heads', 'Attention heads'],
  ['kvHeads', 'KV heads'],
  ['ffn', 'FFN size'],
  ['vocab', 'Vocabulary'],
];

/** A Hugging Face config.json → the selection's custom-model fields. Throws naming what is missing. */
export function customFromConfig(text: string): Partial<CustomModel> {
  const spec = specFromHfConfig(JSON.parse(text) as unknown);
  const row = describeModel(spec);
  const arch = (ARCHITECTURES as readonly string[]).includes(row.architecture)
    ? (row.architecture as Architecture)
    : 'other';
  const out: Partial<CustomModel> = { arch, gflops: null };
  if (row.params_m) out.params = Number((row.params_m / 1e3).toPrecision(4));
  if (spec.layers) out.layers = spec.layers;
  if (spec.hidden) out.hidden = spec.hidden;
  if (spec.heads) out.heads = spec.heads;
  out.kvHeads = spec.kvHeads ?? spec.heads ?? 1;
  out.ffn = spec.ffn ?? 4 * (spec.hidden ?? 1);
  if (spec.vocab) out.vocab = spec.vocab;
  return out;
}

/** The `model=custom` description: shape fields, architecture, and a config.json to paste or drop. */
export function CustomModelFields(props: {
  value: CustomModel;
  onChange: (patch: Partial<CustomModel>) => void;
}) {
  const { value, onChange } = props;
  const id = useId();
  const [config, setConfig] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const apply = (text: string) => {
    try {
      const patch = customFromConfig(text);
      onChange(patch);
      setMessage({ ok: true, text: `Read config.json: ${patch.params ?? '?'} B params, ${patch.arch}.` });
    } catch (e) {
      setMessage({ ok: false, text: `Could not read config.json: ${(e as Error).message}` });
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (file)
      void file.text().then((t) => {
        setConfig(t);
        apply(t);
      });
  };
  return (
    <fieldset className="fieldset">
      <legend>Custom model</legend>
      <div className="field">
        <label htmlFor={`${id}-arch`}>Architecture</label>
        <select
          id={`${id}-arch`}
          value={value.arch}
          onChange={(e) => onChange({ arch: e.target.value as Architecture })}
        >
          {ARCHITECTURES.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
      </div>
      {FIELDS.map(([k, label]) => (
        <NumberField
          key={k}
          label={label}
          value={value[k]}
          rule={NUMBER_RULES[k]}
          onCommit={(v) => v !== null && onChange({ [k]: v })}
        />
      ))}
      <NumberField
        label="GFLOPs per token or sample"
        value={value.gflops}
        rule={NUMBER_RULES.gflops}
        optional
        placeholder="from params"
        onCommit={(v) => onChange({ gflops: v })}
      />
      <div className="field field-wide" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
        <label htmlFor={`${id}-config`}>Hugging Face config.json (paste or drop a file)</label>
        <textarea
          id={`${id}-config`}
          rows={3}
          value={config}
          placeholder='{"model_type": "llama", "hidden_size": 4096, …}'
          onChange={(e) => setConfig(e.target.value)}
        />
        <button type="button" className="secondary" onClick={() => apply(config)} disabled={!config.trim()}>
          Use config.json
        </button>
        {message && (
          <span role="status" className={message.ok ? 'muted' : 'error-text'}>
            {message.text}
          </span>
        )}
      </div>
    </fieldset>
  );
}
