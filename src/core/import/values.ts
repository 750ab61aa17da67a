/** Reading one cell: text and numbers as files write them, with a reason when a cell is not what it should be. */

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = (reason: string): Read<never> => ({ ok: false, reason });

/** Is a cell empty (absent, null, blank text)? */
export const isBlank = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

const typeName = (v: unknown) => (Array.isArray(v) ? 'a list' : v === null ? 'null' : `a ${typeof v}`);

/** Text of a cell (numbers become their decimal text); at most `max` characters, no control characters. */
export function readText(v: unknown, max = 200): Read<string> {
  if (typeof v === 'number' || typeof v === 'bigint') v = String(v);
  if (typeof v !== 'string') return no(`expected text, got ${typeName(v)}`);
  const t = v.trim();
  if (t.length > max) return no(`longer than ${max} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(t)) return no('contains control characters');
  return ok(t);
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** A number as files write it: 12.5, 1e3, "1,234.5"; not hex, not "12 ms", not NaN or Infinity. */
export function readNumber(v: unknown): Read<number> {
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'bigint') n = Number(v);
  else if (typeof v === 'string') {
    const t = v.trim();
    if (NUMBER.test(t)) n = Number(t);
    else if (THOUSANDS.test(t)) n = Number(t.replaceAll(',', ''));
    else if (/^[+-]?(nan|inf(inity)?)$/i.test(t)) return no(`"${t}" is not a finite number`);
    else return no(`"${clip(t)}" is not a number`);
  } else return no(`expected a number, got ${typeName(v)}`);
  if (!Number.isFinite(n)) return no(`${n} is not a finite number`);
  return ok(n);
}

/** A positive whole number within [min, max]. */
export function readInt(v: unknown, min: number, max: number): Read<number> {
  const r = readNumber(v);
  if (!r.ok) return r;
  if (!Number.isInteger(r.value)) return no(`${r.value} is not a whole number`);
  if (r.value < min || r.value > max)
    return no(`${r.value} is outside ${min}–${max.toLocaleString('en-US')}`);
  return r;
}

/** A cell as text for messages and the bad-rows download (objects as JSON, clipped). */
export function cellText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return clip(v, 200);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  try {
    return clip(JSON.stringify(v) ?? '', 200);
  } catch {
    return '(unprintable)';
  }
}

export const clip = (s: string, max = 60) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** A plain object (JSON record), not an array or null. */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
