import { useId } from 'react';
import { RUNTIME_LABELS } from '../core/catalog/runtime.ts';
import { RUNTIME_SETTINGS, SCENARIOS, type RuntimeSetting, type Scenario } from '../core/share/selection.ts';

/** A runtime's readable name; `auto` says what it does. */
export const runtimeLabel = (r: RuntimeSetting): string =>
  r === 'auto' ? 'auto (most measured per device)' : RUNTIME_LABELS[r];

export const SCENARIO_LABELS: Record<Scenario, string> = {
  'single-stream': 'single stream (the given batch)',
  offline: 'offline (best throughput)',
};

/** The software stack and the operating point: a runtime selector and a scenario selector (Recommend, Predict). */
export function OperatingFields(props: {
  runtime: RuntimeSetting;
  scenario: Scenario;
  onRuntime: (r: RuntimeSetting) => void;
  onScenario: (s: Scenario) => void;
}) {
  const id = useId();
  return (
    <>
      <div className="field field-wide">
        <label htmlFor={`${id}-runtime`}>Runtime</label>
        <select
          id={`${id}-runtime`}
          value={props.runtime}
          onChange={(e) => props.onRuntime(e.target.value as RuntimeSetting)}
        >
          {RUNTIME_SETTINGS.map((r) => (
            <option key={r} value={r}>
              {runtimeLabel(r)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-wide">
        <label htmlFor={`${id}-scenario`}>Scenario</label>
        <select
          id={`${id}-scenario`}
          value={props.scenario}
          onChange={(e) => props.onScenario(e.target.value as Scenario)}
        >
          {SCENARIOS.map((s) => (
            <option key={s} value={s}>
              {SCENARIO_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
