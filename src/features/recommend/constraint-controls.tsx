import { useId } from 'react';
import { NumberField } from '../../components/number-field.tsx';
import {
  NUMBER_RULES,
  OBJECTIVES,
  PLATFORMS,
  type Constraints,
  type Objective,
  type Platform,
  type Selection,
} from '../../core/share/selection.ts';
import type { SelectionPatch } from '../../state/selection-slice.ts';

const CONSTRAINTS: readonly [keyof Constraints, string][] = [
  ['maxLatencyMs', 'Max latency (ms)'],
  ['minThroughput', 'Min throughput (items/s)'],
  ['minMemoryGb', 'Min memory per device (GB)'],
  ['maxPriceUsd', 'Max purchase price ($)'],
  ['maxCloudUsdHr', 'Max cloud cost ($/h)'],
  ['maxPowerW', 'Max power (W)'],
];

export const OBJECTIVE_LABELS: Record<Objective, string> = {
  latency: 'Lowest latency',
  throughput: 'Highest throughput',
  throughput_per_dollar: 'Throughput per dollar',
  throughput_per_watt: 'Throughput per watt',
};

const PLATFORM_LABELS: Record<Platform, string> = {
  'datacenter-gpu': 'Datacenter GPU',
  'workstation-gpu': 'Workstation GPU',
  'consumer-gpu': 'Consumer GPU',
  apple: 'Apple silicon',
  cpu: 'CPU',
  'browser-webgpu': 'Browser (WebGPU)',
  'browser-webnn': 'Browser (WebNN)',
  'browser-wasm': 'Browser (WASM)',
  'npu-tpu': 'NPU / TPU',
};

/** Limits (empty: none), platform classes and the objective the ranking optimizes. */
export function ConstraintControls(props: { selection: Selection; set: (patch: SelectionPatch) => void }) {
  const { selection: s, set } = props;
  const id = useId();
  const toggle = (p: Platform, on: boolean) => {
    const next = on ? [...s.platforms, p] : s.platforms.filter((x) => x !== p);
    if (next.length > 0) set({ platforms: PLATFORMS.filter((x) => next.includes(x)) });
  };
  return (
    <>
      <fieldset className="fieldset">
        <legend>Goal</legend>
        <div className="field field-wide">
          <label htmlFor={`${id}-objective`}>Objective</label>
          <select
            id={`${id}-objective`}
            value={s.objective}
            onChange={(e) => set({ objective: e.target.value as Objective })}
          >
            {OBJECTIVES.map((o) => (
              <option key={o} value={o}>
                {OBJECTIVE_LABELS[o]}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>Constraints</legend>
        {CONSTRAINTS.map(([k, label]) => (
          <NumberField
            key={k}
            label={label}
            value={s.constraints[k]}
            rule={NUMBER_RULES[k]}
            optional
            onCommit={(v) => set({ constraints: { [k]: v } })}
          />
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>Platforms</legend>
        <div className="checks">
          {PLATFORMS.map((p) => {
            const on = s.platforms.includes(p);
            return (
              <label key={p} className="check">
                <input
                  type="checkbox"
                  checked={on}
                  disabled={on && s.platforms.length === 1}
                  onChange={(e) => toggle(p, e.target.checked)}
                />
                {PLATFORM_LABELS[p]}
              </label>
            );
          })}
        </div>
      </fieldset>
    </>
  );
}
