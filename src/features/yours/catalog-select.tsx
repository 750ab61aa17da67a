import { useId } from 'react';
import type { HardwareRow, ModelRow } from '../../core/catalog/schema.ts';

interface Props {
  label: string;
  value: string;
  onChange: (id: string) => void;
  /** Catalog entries, already sorted by name. */
  items: readonly (HardwareRow | ModelRow)[];
  /** Ids offered first (the import's closest matches). */
  candidates?: readonly string[];
  /** The empty choice's text. */
  none: string;
  testId?: string;
}

/** A labelled select of catalog devices or models, with the closest matches first. */
export function CatalogSelect({ label, value, onChange, items, candidates = [], none, testId }: Props) {
  const id = useId();
  const byId = new Map(items.map((i) => [i.id, i]));
  const close = candidates.filter((c) => byId.has(c));
  const text = (i: HardwareRow | ModelRow) => (i.name === i.id ? i.id : `${i.name} (${i.id})`);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{none}</option>
        {close.length > 0 && (
          <optgroup label="Closest matches">
            {close.map((c) => (
              <option key={c} value={c}>
                {text(byId.get(c)!)}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label="All">
          {items.map((i) => (
            <option key={i.id} value={i.id}>
              {text(i)}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}
