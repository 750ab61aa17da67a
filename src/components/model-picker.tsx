import { useEffect, useEffectEvent, useId, useMemo, useState } from 'react';
import type { ModelRow } from '../core/catalog/schema.ts';
import { buildNameIndex, splitAliases, type Resolution } from '../core/catalog/resolve.ts';
import { sig3 } from '../core/format.ts';

const PICK_DELAY_MS = 250;

/** Model type-ahead over the whole catalog (id, name, aliases) plus `custom`; shows what the text resolves to. */
export function ModelPicker(props: {
  models: readonly ModelRow[];
  value: string;
  onPick: (id: string) => void;
}) {
  const { models, value, onPick } = props;
  const id = useId();
  const index = useMemo(() => buildNameIndex(models), [models]);
  const byId = useMemo(() => new Map(models.map((m) => [m.id, m])), [models]);
  const resolve = (t: string): Resolution =>
    t.trim().toLowerCase() === 'custom'
      ? { kind: 'found', id: 'custom', via: 'custom' }
      : t.trim() === ''
        ? { kind: 'unknown', suggestions: [] }
        : index.resolve(t);
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    const r = resolve(text);
    if (r.kind !== 'found' || r.id !== value) setText(value);
  }
  const res = resolve(text);
  const picked = res.kind === 'found' ? res.id : null;

  const pick = useEffectEvent((id: string) => onPick(id));
  useEffect(() => {
    if (picked === null || picked === value) return;
    const t = setTimeout(() => pick(picked), PICK_DELAY_MS);
    return () => clearTimeout(t);
  }, [picked, value]);

  const m = picked ? byId.get(picked) : undefined;
  return (
    <div className="field model-picker">
      <label htmlFor={id}>Model</label>
      <input
        id={id}
        list={`${id}-list`}
        value={text}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-resolved`}
        onChange={(e) => setText(e.target.value)}
      />
      <datalist id={`${id}-list`}>
        <option value="custom">Describe your own model</option>
        {models.map((row) => (
          <option key={row.id} value={row.id}>
            {[row.name, ...splitAliases(row.aliases).slice(0, 3)].join(' · ')}
          </option>
        ))}
      </datalist>
      <span id={`${id}-resolved`} className="muted field-note" data-testid="resolved-model">
        {picked === 'custom'
          ? 'Custom model: describe it below'
          : m
            ? `${m.name} — ${m.architecture}${m.params_m ? `, ${sig3(m.params_m / 1e3)} B params` : ''}`
            : res.kind === 'ambiguous'
              ? `Several models match: ${res.candidates.slice(0, 4).join(', ')}`
              : res.kind === 'unknown' && res.suggestions.length > 0
                ? `No exact match; try ${res.suggestions.slice(0, 4).join(', ')}`
                : 'No model matches; pick one from the list'}
      </span>
    </div>
  );
}
