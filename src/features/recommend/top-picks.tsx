import { sig3 } from '../../core/format.ts';
import type { Explanation } from '../../core/select/explain.ts';
import { itemUnit } from '../../core/select/plan.ts';
import type { RankedRow, Ranking } from '../../core/select/rank.ts';
import { operatingText, usd } from './format.ts';

function Pick(props: { row: RankedRow; label: string; why: Explanation | undefined; top?: boolean }) {
  const { row, why } = props;
  const thr = row.throughput;
  return (
    <article
      className={`panel pick${props.top ? ' pick-top' : ''}`}
      aria-label={`${props.label}: ${row.hardware.name}`}
      data-testid={props.top ? 'top-pick' : 'fallback-pick'}
    >
      <p className="pick-label">{props.label}</p>
      <h3>{row.hardware.name}</h3>
      <p className="pick-facts">
        {row.precision} · {row.fitLabel}
        {thr && ` · ${sig3(thr.value)} ${itemUnit(row.workload)}`}
        {row.latency && ` · ${sig3(row.latency.value)} ms`}
        {row.cost.purchaseUsd !== null && ` · ${usd(row.cost.purchaseUsd)}`}
      </p>
      <p className="pick-runtime" data-testid="pick-runtime">
        {row.runtime ? row.runtime.why : 'runtime: the default for the precision'} · {operatingText(row)}
        {row.search && <span className="muted"> ({row.search})</span>}
      </p>
      {why && (
        <dl className="pick-why">
          <dt>Bound</dt>
          <dd>{why.bound}</dd>
          {why.versusNext && (
            <>
              <dt>Why it ranks here</dt>
              <dd>{why.versusNext}</dd>
            </>
          )}
          <dt>Confidence</dt>
          <dd>{why.confidence}</dd>
          <dt className="visually-hidden">What would change the answer</dt>
          <dd>
            <details open={props.top}>
              <summary>What would change the answer</summary>
              <ul>
                {why.whatIf.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </details>
          </dd>
        </dl>
      )}
    </article>
  );
}

/** The top pick and two fallbacks, each with its explanation. */
export function TopPicks({ ranking, explanations }: { ranking: Ranking; explanations: Explanation[] }) {
  const why = new Map(explanations.map((e) => [e.hardwareId, e]));
  if (!ranking.top)
    return (
      <p className="panel" role="status">
        No device meets these constraints. Loosen a limit or allow more platforms; the list below says why
        each device was left out.
      </p>
    );
  return (
    <section className="picks" aria-label="Recommendation">
      <Pick row={ranking.top} label="Top pick" why={why.get(ranking.top.hardware.id)} top />
      {ranking.fallbacks.map((r, i) => (
        <Pick key={r.hardware.id} row={r} label={`Fallback ${i + 1}`} why={why.get(r.hardware.id)} />
      ))}
    </section>
  );
}
