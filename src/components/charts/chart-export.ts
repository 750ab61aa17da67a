/**
 * Chart export, all local: CSV from the chart's rows; PNG by serializing the chart's SVG, drawing it on a
 * canvas (with the title and legend, which Recharts renders as HTML) and saving the canvas blob. Colours that
 * are CSS variables (chart-theme.ts) are resolved first, so the PNG has the colours of the current theme.
 */
import { toCsv } from '../../core/csv.ts';
import { downloadBlob } from '../../adapters/download.ts';

export interface LegendEntry {
  label: string;
  color: string;
}

export function downloadCsv(columns: readonly string[], rows: readonly object[], filename: string): void {
  downloadBlob(new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), filename);
}

/** The chart's own SVG (Recharts also draws small SVG legend icons; the surface is the largest). */
function chartSvg(container: HTMLElement): SVGSVGElement | null {
  const svgs = [...container.querySelectorAll<SVGSVGElement>('svg.recharts-surface')];
  return svgs.reduce<SVGSVGElement | null>((best, s) => {
    const area = s.getBoundingClientRect().width * s.getBoundingClientRect().height;
    const bestArea = best ? best.getBoundingClientRect().width * best.getBoundingClientRect().height : -1;
    return area > bestArea ? s : best;
  }, null);
}

const THEMED = /var\(|light-dark\(/;
const PAINT = ['fill', 'stroke', 'color'] as const;

/** `color` (a var(), light-dark() or any CSS colour) as the rgb() it computes to inside `el`. */
function resolveColor(el: Element, color: string): string {
  const probe = document.createElement('span');
  probe.style.color = color;
  el.appendChild(probe);
  const out = getComputedStyle(probe).color;
  probe.remove();
  return out;
}

/** Copies computed paint into the clone where the original's is a CSS variable: a standalone SVG has none. */
function inlineThemedPaint(svg: SVGSVGElement, clone: SVGSVGElement): void {
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [clone, ...clone.querySelectorAll('*')];
  from.forEach((el, i) => {
    const target = to[i];
    if (!target || !(target instanceof SVGElement || target instanceof HTMLElement)) return;
    const computed = getComputedStyle(el);
    for (const prop of PAINT) {
      const attr = el.getAttribute(prop);
      const inline = target.style.getPropertyValue(prop);
      if ((attr && THEMED.test(attr)) || THEMED.test(inline)) {
        target.style.removeProperty(prop);
        target.setAttribute(prop, computed.getPropertyValue(prop));
      }
    }
  });
}

function svgImage(svg: SVGSVGElement, width: number, height: number): Promise<HTMLImageElement> {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineThemedPaint(svg, clone);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.style.fontFamily = getComputedStyle(svg).fontFamily || 'sans-serif';
  const text = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('the chart SVG could not be drawn as an image'));
    };
    img.src = url;
  });
}

const TITLE_H = 28;
const LEGEND_ROW_H = 20;

/** Draw the chart in `container` with its title and legend to a PNG and save it. */
export async function downloadPng(
  container: HTMLElement,
  filename: string,
  title: string,
  legend: readonly LegendEntry[] = [],
): Promise<void> {
  const svg = chartSvg(container);
  if (!svg) throw new Error('no chart to export yet');
  const { width, height } = svg.getBoundingClientRect();
  const img = await svgImage(svg, width, height);
  const scale = Math.max(2, window.devicePixelRatio || 1);
  const perRow = Math.max(1, Math.floor(width / 180));
  const legendH = Math.ceil(legend.length / perRow) * LEGEND_ROW_H + (legend.length ? 8 : 0);
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil((TITLE_H + height + legendH) * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas in this browser');
  ctx.scale(scale, scale);
  const ink = resolveColor(container, 'var(--text)');
  ctx.fillStyle = resolveColor(container, 'var(--panel)');
  ctx.fillRect(0, 0, width, TITLE_H + height + legendH);
  ctx.fillStyle = ink;
  ctx.font = '600 14px system-ui, sans-serif';
  ctx.fillText(title, 8, 19);
  ctx.drawImage(img, 0, TITLE_H, width, height);
  ctx.font = '12px system-ui, sans-serif';
  legend.forEach((e, i) => {
    const x = 8 + (i % perRow) * 180;
    const y = TITLE_H + height + 4 + Math.floor(i / perRow) * LEGEND_ROW_H;
    ctx.fillStyle = resolveColor(container, e.color);
    ctx.fillRect(x, y + 3, 12, 12);
    ctx.fillStyle = ink;
    ctx.fillText(e.label.length > 24 ? `${e.label.slice(0, 23)}…` : e.label, x + 17, y + 13);
  });
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the canvas could not be encoded as PNG');
  downloadBlob(blob, filename);
}
