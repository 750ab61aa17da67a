import { useId } from 'react';
import type { ImportDefaults, ImportField } from '../../core/import/types.ts';
import { CatalogSelect } from './catalog-select.tsx';
import type { Catalog } from './use-import.ts';

type DefaultField = Exclude<ImportField, 'value'>;

const HINTS: Partial<Record<DefaultField, string>> = {
  precision: 'e.g. fp16, bf16, amp, int8, q4_k_m',
  metric: 'e.g. throughput, latency_ms, decode_tokens_s',
  runtime: 'e.g. PyTorch 2.4, vLLM 0.9.1',
  n_devices: 'e.g. 1',
  batch_size: 'e.g. 1',
};

function TextDefault(props: { field: DefaultField; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Default {props.field.replace('_', ' ')}</label>
      <input
        id={id}
        value={props.value}
        placeholder={HINTS[props.field] ?? ''}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}

function ModeDefault(props: { value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Default mode</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">as the file says</option>
        <option value="inference">inference</option>
        <option value="training">training</option>
      </select>
    </div>
  );
}

/** One input per field: a value used wherever the file states none (devices and models from the catalog). */
export function DefaultsFields(props: {
  fields: readonly DefaultField[];
  defaults: ImportDefaults;
  catalog: Catalog;
  onChange: (d: ImportDefaults) => void;
}) {
  const { fields, defaults, catalog, onChange } = props;
  const set = (f: DefaultField) => (v: string) => {
    const next = { ...defaults };
    if (v.trim() === '') delete next[f];
    else next[f] = v;
    onChange(next);
  };
  return (
    <div className="defaults">
      {fields.map((f) => {
        const value = String(defaults[f] ?? '');
        if (f === 'hardware')
          return (
            <CatalogSelect
              key={f}
              label="Default hardware (the device that ran it)"
              value={value}
              onChange={set(f)}
              items={catalog.hardware}
              none="choose a device…"
              testId="default-hardware"
            />
          );
        if (f === 'model')
          return (
            <CatalogSelect
              key={f}
              label="Default model"
              value={value}
              onChange={set(f)}
              items={catalog.models}
              none="choose a model…"
            />
          );
        if (f === 'mode') return <ModeDefault key={f} value={value} onChange={set(f)} />;
        return <TextDefault key={f} field={f} value={value} onChange={set(f)} />;
      })}
    </div>
  );
}
