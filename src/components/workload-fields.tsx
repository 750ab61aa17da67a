import { useId } from 'react';
import type { ModelRow } from '../core/catalog/schema.ts';
import { lengthKind } from '../core/select/selection-request.ts';
import {
  DEFAULT_CUSTOM,
  MODES,
  NUMBER_RULES,
  PRECISION_CHOICES,
  type Selection,
} from '../core/share/selection.ts';
import type { SelectionPatch } from '../state/selection-slice.ts';
import { CustomModelFields } from './custom-model-fields.tsx';
import { ModelPicker } from './model-picker.tsx';
import { NumberField } from './number-field.tsx';
import { OperatingFields } from './operating-fields.tsx';

/**
 * The workload every page shares (Recommend, Predict): model (or a custom description), mode, precision,
 * runtime, scenario, batch (single stream only: offline searches it), devices and the lengths this model's
 * architecture uses. Every field is the selection's, so the URL's, with its limits (NUMBER_RULES).
 */
export function WorkloadFields(props: {
  selection: Selection;
  /** The model being answered for (the default when the link's id is unknown); null while loading. */
  model: ModelRow | null;
  models: readonly ModelRow[];
  set: (patch: SelectionPatch) => void;
}) {
  const { selection: s, model, set } = props;
  const id = useId();
  const kind = model ? lengthKind(model, s.mode) : 'llm';
  const precisions = PRECISION_CHOICES.some(([p]) => p === s.precision)
    ? PRECISION_CHOICES
    : [...PRECISION_CHOICES, [s.precision, s.precision] as const];
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
