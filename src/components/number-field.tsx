import { useEffect, useEffectEvent, useId, useState } from 'react';
import { inRule, type NumberRule } from '../core/share/selection.ts';

const DEBOUNCE_MS = 350;

/**
 * A labelled number input that commits after typing pauses, and only values within `rule`
 * (empty commits null when `optional`). An out-of-range value is flagged, never committed.
 */
export function NumberField(props: {
  label: string;
  value: number | null;
  rule: NumberRule;
  onCommit: (v: number | null) => void;
  optional?: boolean;
  step?: number | 'any';
  placeholder?: string;
}) {
  const { value, rule, onCommit, optional = false } = props;
  const id = useId();
  const [text, setText] = useState(value === null ? '' : String(value));
  const [shown, setShown] = useState(value);
  // The store changed under us (back/forward, a link, a config): show its value.
  if (value !== shown) {
    setShown(value);
    if (parse(text) !== value) setText(value === null ? '' : String(value));
  }
  const parsed = parse(text);
  const valid = (parsed === null && optional) || (parsed !== null && inRule(parsed, rule));

  const commit = useEffectEvent((v: number | null) => onCommit(v));
  useEffect(() => {
    if (!valid || parsed === value) return;
    const t = setTimeout(() => commit(parsed), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [valid, parsed, value]);

  // Built only when shown: the first toLocaleString loads locale data (tens of ms on the first render).
  const hint = () =>
    `${rule.int ? 'a whole number' : 'a number'} from ${rule.min} to ${rule.max.toLocaleString('en-US')}${optional ? ', or empty for no limit' : ''}`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={rule.min}
        max={rule.max}
        step={props.step ?? (rule.int ? 1 : 'any')}
        placeholder={props.placeholder ?? (optional ? 'no limit' : undefined)}
        value={text}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : `${id}-err`}
        onChange={(e) => setText(e.target.value)}
      />
      {!valid && (
        <span id={`${id}-err`} className="error-text field-error">
          Use {hint()}.
        </span>
      )}
    </div>
  );
}

function parse(text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : NaN;
}
