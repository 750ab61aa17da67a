import type { RechartsTheme } from 'recharts';

/**
 * Chart colours as CSS variables from src/app/styles.css, so the charts follow the page's light or dark
 * scheme without re-rendering. The exported PNG resolves them (chart-export.ts).
 */
const SERIES = 10;

/** Series colour `i` (cycled): ≥ 4.5:1 against the chart panel in both schemes. */
export const colorAt = (i: number): string => `var(--series-${(i % SERIES) + 1})`;
/** Marks drawn in the text colour (operating points, whiskers). */
export const INK = 'var(--text)';
/** Limits and warnings (device capacity). */
export const ALERT = 'var(--error)';

const item = (color: string) => ({
  fill: color,
  stroke: color,
  fillOpacity: 1,
  active: { fill: 'var(--panel)', stroke: color, strokeWidth: 2 },
});

/** Axes, grid, tooltip and legend text for `RechartsThemeProvider`. */
export const CHART_THEME: RechartsTheme = {
  graphicalItems: Array.from({ length: SERIES }, (_, i) => item(colorAt(i))),
  pageBackground: 'var(--panel)',
  barBackground: { fill: 'var(--head-bg)' },
  axis: { stroke: 'var(--muted)' },
  errorBar: { stroke: INK, strokeWidth: 1.5 },
  grid: { stroke: 'var(--border)', strokeDasharray: '3 3', fill: 'none' },
  reference: { stroke: 'var(--muted)', strokeWidth: 1, fill: 'var(--border)', fillOpacity: 0.85 },
  cursor: { stroke: 'var(--border)', fill: 'var(--accent-soft)', fillOpacity: 0.7 },
  legend: { labelStyle: { color: 'var(--text)' } },
  tooltip: {
    contentStyle: {
      margin: 0,
      padding: '0.3rem 0.5rem',
      backgroundColor: 'var(--panel)',
      border: '1px solid var(--border)',
      borderRadius: 4,
      color: 'var(--text)',
      whiteSpace: 'nowrap',
    },
    itemStyle: { display: 'block', paddingTop: 2, paddingBottom: 2 },
    labelStyle: { margin: 0, fontWeight: 600 },
  },
  typography: { color: 'var(--muted)' },
};
