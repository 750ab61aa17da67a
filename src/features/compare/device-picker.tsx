import { useId, useMemo, useState } from 'react';
import type { HardwareRow } from '../../core/catalog/schema.ts';
import {
  addDevice,
  MAX_COMPARE,
  MIN_COMPARE,
  removeDevice,
  type CompareDevices,
} from '../../core/compare/devices.ts';

/**
 * The devices compared (2–6): each with a Remove button, unknown ids named, and a picker to add one. Every
 * change writes the selection's `hardware`, so the link reproduces the comparison.
 */
export function DevicePicker(props: {
  ids: readonly string[];
  chosen: CompareDevices;
  catalog: ReadonlyMap<string, HardwareRow>;
  onChange: (ids: string[]) => void;
}) {
  const { ids, chosen, onChange } = props;
  const id = useId();
  const options = useMemo(
    () =>
      [...props.catalog.values()]
        .filter((h) => !ids.includes(h.id))
        .sort((a, b) => a.name.localeCompare(b.name, 'en')),
    [props.catalog, ids],
  );
  const [pick, setPick] = useState('');
  const full = chosen.devices.length + chosen.overflow.length >= MAX_COMPARE;
  const picked = options.some((o) => o.id === pick) ? pick : '';
  const add = () => {
    if (!picked) return;
    onChange(addDevice(ids, picked));
    setPick('');
  };
  return (
    <section className="panel compare-picker" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Devices</h2>
      <ul className="compare-chosen" aria-label="Devices compared">
        {chosen.devices.map((h) => (
          <li key={h.id} data-testid="compared-device">
            <span>{h.name}</span>
            <button
              type="button"
              className="secondary"
              aria-label={`Remove ${h.name}`}
              onClick={() => onChange(removeDevice(ids, h.id))}
            >
              Remove
            </button>
          </li>
        ))}
        {chosen.overflow.map((h) => (
          <li key={h.id} className="muted">
            <span>
              {h.name} (not compared: at most {MAX_COMPARE} at a time)
            </span>
            <button
              type="button"
              className="secondary"
              aria-label={`Remove ${h.name}`}
              onClick={() => onChange(removeDevice(ids, h.id))}
            >
              Remove
            </button>
          </li>
        ))}
        {chosen.unknown.map((u) => (
          <li key={u} className="error-text" data-testid="unknown-device">
            <span>“{u}” is not a device in this catalog</span>
            <button
              type="button"
              className="secondary"
              aria-label={`Remove ${u}`}
              onClick={() => onChange(removeDevice(ids, u))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div className="compare-add">
        <div className="field">
          <label htmlFor={`${id}-add`}>Add a device</label>
          <select id={`${id}-add`} value={picked} disabled={full} onChange={(e) => setPick(e.target.value)}>
            <option value="">{full ? `${MAX_COMPARE} devices chosen` : 'Choose a device…'}</option>
            {options.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={add} disabled={full || !picked}>
          Add
        </button>
      </div>
      <p className="muted field-note">
        Compare {MIN_COMPARE} to {MAX_COMPARE} devices; the link keeps them.
      </p>
    </section>
  );
}
