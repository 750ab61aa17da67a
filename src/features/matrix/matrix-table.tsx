import type { CompatCell, CompatMatrix, CompatStatus } from '../../core/select/compatibility.ts';

export const STATUS_TEXT: Record<CompatStatus, string> = {
  supported: 'Supported',
  limited: 'Limited',
  unsupported: 'Unsupported',
  unknown: 'Unknown',
};
/** A glyph next to the word, so status never rests on color alone. */
const STATUS_MARK: Record<CompatStatus, string> = {
  supported: '✓',
  limited: '◐',
  unsupported: '✕',
  unknown: '?',
};

/**
 * Families (rows) × platforms (columns). Each cell is a button: its title holds the reason, and focusing or
 * clicking it shows the reason in the details panel (`onSelect`).
 */
export function MatrixTable({
  matrix,
  families,
  selected,
  onSelect,
}: {
  matrix: CompatMatrix;
  families: readonly string[];
  selected: CompatCell | null;
  onSelect: (c: CompatCell) => void;
}) {
  const byKey = new Map(matrix.cells.map((c) => [`${c.family}|${c.platform}`, c]));
  return (
    <div className="table-wrap matrix-wrap">
      <table className="data-table matrix-table" aria-label="Compatibility matrix">
        <thead>
          <tr>
            <th scope="col">Model family</th>
            {matrix.platforms.map((p) => (
              <th key={p} scope="col">
                {p}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {families.map((f) => (
            <tr key={f}>
              <th scope="row">{f}</th>
              {matrix.platforms.map((p) => {
                const c = byKey.get(`${f}|${p}`);
                if (!c) return <td key={p} />;
                const on = selected === c;
                return (
                  <td key={p} className={`compat compat-${c.status}`} data-status={c.status}>
                    <button
                      type="button"
                      title={c.reason}
                      aria-pressed={on}
                      aria-controls="compat-details"
                      onFocus={() => onSelect(c)}
                      onClick={() => onSelect(c)}
                    >
                      <span aria-hidden="true">{STATUS_MARK[c.status]}</span> {STATUS_TEXT[c.status]}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
