import { EvidenceAccuracyLink } from '../../components/evidence-accuracy-note.tsx';
import { downloadCsv } from '../../components/charts/chart-export.ts';
import { compareCsv, type CompareEntry, type CompareLine } from '../../core/compare/table.ts';

/** The side-by-side table: one row per metric or spec, one column per device; CSV export of the same. */
export function CompareTable(props: {
  entries: readonly CompareEntry[];
  lines: readonly CompareLine[];
  caption: string;
}) {
  const { entries, lines } = props;
  const csv = () => {
    const { columns, rows } = compareCsv(entries, lines);
    downloadCsv(columns, rows, 'rooflight-compare.csv');
  };
  return (
    <section aria-labelledby="compare-table-title">
      <div className="compare-table-head">
        <h2 id="compare-table-title">Side by side</h2>
        <button type="button" className="secondary" onClick={csv}>
          Download CSV
        </button>
      </div>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Comparison, scrollable">
        <table className="data-table compare-table" aria-label="Comparison">
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              {entries.map((e) => (
                <th scope="col" key={e.hardware.id}>
                  {e.hardware.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.key} data-testid={`compare-line-${l.key}`}>
                <th scope="row">
                  {l.label}
                  {l.unit && <span className="muted sub">{l.unit}</span>}
                </th>
                {l.cells.map((c, i) => (
                  <td
                    key={entries[i]!.hardware.id}
                    className={
                      c.value !== null
                        ? 'num'
                        : l.key === 'runs' && c.text.startsWith('cannot')
                          ? 'error-text'
                          : undefined
                    }
                  >
                    {l.best === i ? <strong>{c.text}</strong> : c.text}
                    {c.interval && <span className="interval">{c.interval}</span>}
                    {c.evidence && (
                      <span className="sub">
                        <EvidenceAccuracyLink evidence={c.evidence} />
                      </span>
                    )}
                    {l.best === i && <span className="sub best">best</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
