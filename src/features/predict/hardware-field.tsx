import { useId, useMemo } from 'react';
import type { HardwareRow } from '../../core/catalog/schema.ts';
import { MAX_HARDWARE } from '../../core/share/selection.ts';

/**
 * The devices to predict on (the selection's `hardware`, so the link's): each with a Remove button, unknown
 * ids named, and a list to add one. With none chosen the page predicts on `defaults`, shown as such; editing
 * them writes the edited list.
 */
export function HardwareField(props: {
  /** The selection's ids (empty: the defaults are used). */
  ids: readonly string[];
  defaults: readonly string[];
  catalog: ReadonlyMap<string, HardwareRow>;
  onChange: (ids: string[]) => void;
}) {
  const { catalog, onChange } = props;
  const id = useId();
  const usingDefaults = props.ids.length === 0;
  const ids = usingDefaults ? props.defaults : props.ids;
  const options = useMemo(
    () =>
      [...catalog.values()]
        .filter((h) => !ids.includes(h.id))
        .sort((a, b) => a.name.localeCompare(b.name, 'en')),
    [catalog, ids],
  );
  const full = ids.length >= MAX_HARDWARE;
  return (
    <fieldset className="fieldset predict-hardware">
      <legend>Hardware</legend>
      <ul className="predict-devices" aria-label="Devices to predict on">
        {ids.map((h) => {
          const row = catalog.get(h);
          return (
            <li key={h} data-testid="predict-device" className={row ? undefined : 'error-text'}>
              <span>{row ? row.name : `“${h}” is not a device in this catalog`}</span>
              <button
                type="button"
                className="secondary"
                aria-label={`Remove ${row?.name ?? h}`}
                onClick={() => onChange(ids.filter((x) => x !== h))}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ul>
      <div className="field field-wide">
        <label htmlFor={`${id}-add`}>Add a device</label>
        <select
          id={`${id}-add`}
          value=""
          disabled={full}
          onChange={(e) => e.target.value && onChange([...ids, e.target.value])}
        >
          <option value="">{full ? `${MAX_HARDWARE} devices chosen` : 'Choose a device…'}</option>
          {options.map((h) => (
            <option key={h.id} value={h.id}>
              {h.name}
            </option>
          ))}
        </select>
      </div>
      <p className="muted field-note" data-testid="hardware-note">
        {usingDefaults
          ? 'No devices chosen: predicting on these defaults. Add or remove one to choose your own.'
          : `Up to ${MAX_HARDWARE} devices; the link keeps them.`}
      </p>
    </fieldset>
  );
}
