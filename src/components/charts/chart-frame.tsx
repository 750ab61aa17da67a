import { useId, useRef, useState, type ReactNode } from 'react';
import { RechartsThemeProvider } from 'recharts';
import { downloadCsv, downloadPng, type LegendEntry } from './chart-export.ts';
import { CHART_THEME } from './chart-theme.ts';

export interface ChartFrameProps {
  /** Visible caption; also the PNG title. */
  title: string;
  /** The accessible name of the drawing: what it shows, with the headline numbers. */
  label: string;
  /** File name without extension for the exports. */
  filename: string;
  csv: { columns: readonly string[]; rows: readonly object[] };
  legend?: readonly LegendEntry[];
  height?: number;
  children: ReactNode;
}

/**
 * A figure with a caption, an Export menu (PNG, CSV) and the chart drawn inside a labelled `role="img"`, in the
 * Rooflight chart theme (colours from CSS variables, so light and dark both read).
 */
export function ChartFrame({ title, label, filename, csv, legend, height = 320, children }: ChartFrameProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const captionId = useId();
  const png = async () => {
    setError(null);
    try {
      if (ref.current) await downloadPng(ref.current, `${filename}.png`, title, legend);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <figure className="chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart-title">
        {title}
      </figcaption>
      <details className="chart-export">
        <summary>Export</summary>
        <div className="chart-export-menu">
          <button type="button" onClick={() => void png()}>
            PNG image
          </button>
          <button type="button" onClick={() => downloadCsv(csv.columns, csv.rows, `${filename}.csv`)}>
            CSV data
          </button>
        </div>
      </details>
      {error && (
        <p role="alert" className="error-text">
          Export failed: {error}
        </p>
      )}
      <div ref={ref} role="img" aria-label={label} className="chart-body" style={{ height }}>
        <RechartsThemeProvider value={CHART_THEME}>{children}</RechartsThemeProvider>
      </div>
    </figure>
  );
}
