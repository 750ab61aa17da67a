/**
 * The measured profile in a link (`lab=`), compact and readable:
 * `1_gf152.3_gh80_gb12.5_gm1024_gk1024_gs1_wf8.21_wb5.4_ws1_wt0_n_c2_m8_lChromium 156 · Linux`.
 * Fields are `_`-separated, a two-letter key then the value; the label comes last and runs to the end.
 * decodeProfile never throws: a bad field is named and the profile is dropped (a half profile would
 * predict something the sender never measured).
 */
import type { BrowserProfile } from './profile.ts';

export const PROFILE_VERSION = '1';
const MAX_LABEL = 60;
/** Sane bounds for any measured figure (GFLOPS, GB/s, MiB, GB, cores). */
const MAX_FIGURE = 1e7;

const num = (x: number) => String(Number(x.toPrecision(5)));
const flag = (b: boolean) => (b ? '1' : '0');

export function encodeProfile(p: BrowserProfile): string {
  const parts: string[] = [PROFILE_VERSION];
  if (p.webgpu) {
    const g = p.webgpu;
    parts.push(`gf${num(g.fp32)}`);
    if (g.fp16 !== null) parts.push(`gh${num(g.fp16)}`);
    if (g.bw !== null) parts.push(`gb${num(g.bw)}`);
    parts.push(`gm${num(g.maxBufferMib)}`, `gk${num(g.maxBindingMib)}`, `gs${flag(g.software)}`);
  }
  if (p.wasm) {
    const w = p.wasm;
    parts.push(`wf${num(w.gflops)}`);
    if (w.bw !== null) parts.push(`wb${num(w.bw)}`);
    parts.push(`ws${flag(w.simd)}`, `wt${flag(w.threads)}`);
  }
  if (p.webnn !== null) parts.push(`nf${num(p.webnn)}`);
  if (p.cores !== null) parts.push(`cc${num(p.cores)}`);
  if (p.memoryGb !== null) parts.push(`mg${num(p.memoryGb)}`);
  parts.push(`lb${sanitizeLabel(p.label)}`);
  return parts.join('_');
}

/** Labels are shown as text; keep them short and printable. */
export function sanitizeLabel(label: string): string {
  return Array.from(label.replace(/[\p{C}]/gu, ' ').trim())
    .slice(0, MAX_LABEL)
    .join('')
    .trim();
}

export type ProfileDecode = { ok: true; profile: BrowserProfile } | { ok: false; problem: string };

const KEYS = ['gf', 'gh', 'gb', 'gm', 'gk', 'gs', 'wf', 'wb', 'ws', 'wt', 'nf', 'cc', 'mg'] as const;
type Key = (typeof KEYS)[number];

export function decodeProfile(text: string): ProfileDecode {
  try {
    return decode(text);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
}

function decode(text: string): ProfileDecode {
  const labelAt = text.indexOf('_lb');
  const head = labelAt < 0 ? text : text.slice(0, labelAt);
  const label =
    labelAt < 0 ? 'a shared browser' : sanitizeLabel(text.slice(labelAt + 3)) || 'a shared browser';
  const [version, ...fields] = head.split('_');
  if (version !== PROFILE_VERSION)
    return { ok: false, problem: `unknown profile version "${version ?? ''}"` };
  const values = new Map<Key, number>();
  for (const f of fields) {
    const key = f.slice(0, 2) as Key;
    const raw = f.slice(2);
    if (!(KEYS as readonly string[]).includes(key))
      return { ok: false, problem: `unknown field "${f.slice(0, 12)}"` };
    if (values.has(key)) return { ok: false, problem: `repeated field "${key}"` };
    const n = /^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(raw) ? Number(raw) : NaN;
    if (!Number.isFinite(n) || n > MAX_FIGURE)
      return { ok: false, problem: `field "${key}" is not a number from 0 to ${MAX_FIGURE}` };
    values.set(key, Number(n.toPrecision(5)));
  }
  const get = (k: Key) => values.get(k) ?? null;
  const bool = (k: Key) => get(k) === 1;
  const gf = get('gf');
  const wf = get('wf');
  for (const k of ['gf', 'gh', 'wf', 'nf'] as const)
    if (get(k) === 0) return { ok: false, problem: `field "${k}" must be above 0` };
  if (gf === null && ['gh', 'gb', 'gm', 'gk', 'gs'].some((k) => values.has(k as Key)))
    return { ok: false, problem: 'WebGPU figures without "gf" (the fp32 matmul)' };
  if (gf !== null && (get('gm') === null || get('gk') === null))
    return { ok: false, problem: 'WebGPU needs its buffer limits ("gm", "gk")' };
  if (wf === null && ['wb', 'ws', 'wt'].some((k) => values.has(k as Key)))
    return { ok: false, problem: 'WASM figures without "wf" (the matmul)' };
  if (gf === null && wf === null && get('nf') === null)
    return { ok: false, problem: 'no measured backend (needs gf, wf or nf)' };
  return {
    ok: true,
    profile: {
      label,
      webgpu:
        gf !== null
          ? {
              fp32: gf,
              fp16: get('gh'),
              bw: get('gb'),
              maxBufferMib: get('gm')!,
              maxBindingMib: get('gk')!,
              software: bool('gs'),
            }
          : null,
      wasm: wf !== null ? { gflops: wf, bw: get('wb'), simd: bool('ws'), threads: bool('wt') } : null,
      webnn: get('nf'),
      cores: get('cc'),
      memoryGb: get('mg'),
    },
  };
}
