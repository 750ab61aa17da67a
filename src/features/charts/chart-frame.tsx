import { useId, useRef, useState, type ReactNode } from 'react';
import { downloadCsv, downloadPng, type LegendEntry } from './chart-export.ts';

/** Distinguishable series colors (Okabe–Ito, then Tableau), cycled. */
export const PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#4e79a7',
  '#9c755f',
  '#76b7b2',
];
export const colorAt = (i: number): string => PALETTE[i % PALETTE.length]!;

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

/** A figure with a caption, an Export menu (PNG, CSV) and the chart drawn inside a labelled `role="img"`. */
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
        {children}
      </div>
    </figure>
  );
}
