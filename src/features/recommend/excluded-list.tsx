import type { Exclusion } from '../../core/select/rank.ts';

const CODE_LABELS: Record<Exclusion['code'], string> = {
  'unsupported-precision': 'precision not supported',
  'does-not-fit': 'does not fit',
  constraint: 'outside a constraint',
  'missing-price': 'no price',
  'missing-power': 'no power figure',
  'no-prediction': 'no prediction',
};

/** Devices that cannot run the workload under the constraints, each with its reason. */
export function ExcludedList({ excluded }: { excluded: readonly Exclusion[] }) {
  if (excluded.length === 0) return null;
  return (
    <section aria-labelledby="excluded-title">
      <h2 id="excluded-title">Cannot run it ({excluded.length} devices)</h2>
      <details className="excluded" open={excluded.length <= 12}>
        <summary>Show each device and its reason</summary>
        <ul className="excluded-list" aria-label="Devices that cannot run it">
          {excluded.map((x) => (
            <li key={x.hardware.id}>
              <strong>{x.hardware.name}</strong> — {CODE_LABELS[x.code]}
              {x.precision && ` (${x.precision})`}: {x.reason}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
