import { useState, type MouseEvent } from 'react';
import { compareWith } from '../../core/compare/devices.ts';
import { sig3 } from '../../core/format.ts';
import { itemUnit } from '../../core/select/plan.ts';
import type { MetricValue, RankedRow, Ranking } from '../../core/select/rank.ts';
import { OBJECTIVE_LABELS } from './constraint-controls.tsx';
import { MB_TO_GB, num, usd, usdHr, withInterval } from './format.ts';
import { RuntimeCell } from './runtime-cell.tsx';
import { EvidenceAccuracyLink } from '../../components/evidence-accuracy-note.tsx';
import { urlForSelection } from '../../state/selection-slice.ts';
import { useAppStore } from '../../state/store.ts';

const PAGE_ROWS = 25;

function Cell({ m, scale = 1 }: { m: MetricValue | null; scale?: number }) {
  const v = withInterval(m, scale);
  return (
    <td className="num">
      {v.value}
      {v.interval && <span className="interval">{v.interval}</span>}
    </td>
  );
}

/** "Compare with…": opens Compare with this row's device beside the top pick (the top pick: the runner-up). */
function CompareLink({ row, rankedIds }: { row: RankedRow; rankedIds: readonly string[] }) {
  const selection = useAppStore((s) => s.selection);
  const setSelection = useAppStore((s) => s.setSelection);
  const hardware = compareWith(row.hardware.id, rankedIds);
  if (!hardware) return <td>–</td>;
  const onClick = (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    setSelection({ page: 'compare', hardware }, 'push');
  };
  return (
    <td>
      <a
        href={urlForSelection({ ...selection, page: 'compare', hardware }, window.location)}
        onClick={onClick}
        data-testid="compare-with"
      >
        Compare with {row.hardware.id === rankedIds[0] ? 'runner-up' : 'top pick'}
        <span className="visually-hidden"> ({row.hardware.name})</span>
      </a>
    </td>
  );
}

/** Every device that can run the workload, best first, with predictions (80% intervals), cost and power. */
export function RankingTable({
  ranking,
  engineLabel,
  accuracy = true,
}: {
  ranking: Ranking;
  engineLabel: string;
  /** Show each row's held-out error (it loads DuckDB and the held-out rows once the page is idle). */
  accuracy?: boolean;
}) {
  const first: RankedRow | undefined = ranking.ranked[0];
  const unit = first ? itemUnit(first.workload) : 'items/s';
  const [all, setAll] = useState(false);
  const rows = all ? ranking.ranked : ranking.ranked.slice(0, PAGE_ROWS);
  const rankedIds = ranking.ranked.map((r) => r.hardware.id);
  return (
    <>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Hardware ranking, scrollable">
        <table className="data-table ranking-table" aria-label="Hardware ranking">
          <caption>
            {ranking.ranked.length} devices ranked by {OBJECTIVE_LABELS[ranking.objective].toLowerCase()} (
            {engineLabel}
            {first?.scenario === 'offline' ? ', offline: each at its best batch and layout' : ''}); intervals
            are 80%.
          </caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Device</th>
              <th scope="col">Precision</th>
              <th scope="col">Devices / fit</th>
              <th scope="col">Runtime · batch · layout</th>
              <th scope="col">Latency (ms)</th>
              <th scope="col">Throughput ({unit})</th>
              <th scope="col">Memory (GB)</th>
              <th scope="col">Cost (buy, cloud, per 1M)</th>
              <th scope="col">Power</th>
              <th
                scope="col"
                title="The prediction's layer, and the median error of predictions like it on devices the engine never saw"
              >
                Layer · error on unseen devices
              </th>
              <th scope="col">Score</th>
              <th scope="col">Compare</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.hardware.id} data-testid="ranked-row">
                <td className="num">{r.rank}</td>
                <th scope="row">
                  {r.hardware.name}
                  <span className="muted sub">{r.platform}</span>
                </th>
                <td>{r.precision}</td>
                <td>{r.fitLabel}</td>
                <RuntimeCell row={r} />
                <Cell m={r.latency} />
                <Cell m={r.throughput} />
                <Cell m={r.memory} scale={MB_TO_GB} />
                <td className="num">
                  {usd(r.cost.purchaseUsd)}
                  {r.cost.cloudUsdHr !== null && <span className="sub">{usdHr(r.cost.cloudUsdHr)}</span>}
                  {r.cost.usdPerMillionItems !== null && (
                    <span className="sub">{usd(r.cost.usdPerMillionItems)} / 1M</span>
                  )}
                </td>
                <td className="num">
                  {num(r.powerW, 'W')}
                  <span className="sub">{num(r.throughputPerW, `${unit.split('/')[0]}/J`)}</span>
                </td>
                <td>
                  {r.layer}
                  <span className="sub">
                    <EvidenceAccuracyLink evidence={r.evidence} enabled={accuracy} />
                  </span>
                </td>
                <td className="num">
                  {sig3(r.score)} <span className="sub">{r.scoreUnit}</span>
                </td>
                <CompareLink row={r} rankedIds={rankedIds} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {ranking.ranked.length > PAGE_ROWS && (
        <p className="table-more">
          <button type="button" className="secondary" onClick={() => setAll(!all)}>
            {all ? `Show the first ${PAGE_ROWS}` : `Show all ${ranking.ranked.length} devices`}
          </button>
        </p>
      )}
    </>
  );
}
