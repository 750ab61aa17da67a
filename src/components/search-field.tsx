import { useEffect, useEffectEvent, useId, useState } from 'react';
import { isSearchText, MAX_SEARCH_CHARS } from '../core/share/selection.ts';

const DEBOUNCE_MS = 300;

/**
 * A labelled search box over a text kept in the selection (and so the URL): it commits the trimmed text after
 * typing pauses, so spaces between words survive while the URL holds the canonical (trimmed) form.
 */
export function SearchField(props: {
  label: string;
  value: string;
  onCommit: (v: string) => void;
  placeholder?: string;
}) {
  const { value, onCommit } = props;
  const id = useId();
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // The store changed under us (back/forward, a link, Clear): show its value.
  if (value !== shown) {
    setShown(value);
    if (text.trim() !== value) setText(value);
  }
  const next = text.trim();
  const valid = isSearchText(next);

  const commit = useEffectEvent((v: string) => onCommit(v));
  useEffect(() => {
    if (!valid || next === value) return;
    const t = setTimeout(() => commit(next), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [valid, next, value]);

  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="search"
        placeholder={props.placeholder}
        value={text}
        maxLength={MAX_SEARCH_CHARS}
        aria-invalid={!valid}
        aria-describedby={valid ? undefined : `${id}-err`}
        onChange={(e) => setText(e.target.value)}
      />
      {!valid && (
        <span id={`${id}-err`} className="error-text field-error">
          Use at most {MAX_SEARCH_CHARS} characters and no control characters.
        </span>
      )}
    </div>
  );
}
