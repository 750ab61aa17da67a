/** The list parameters `platforms` and `hardware`: bad items are dropped, the good ones kept. */
import { ID_PATTERN, MAX_HARDWARE, PLATFORM_GROUPS, PLATFORMS, type Platform } from './selection.ts';
import type { UrlIssue } from './url-codec.ts';

/** A value shortened for display in an issue. */
export const short = (v: string, n = 60) => (v.length > n ? `${v.slice(0, n)}…` : v);

/** Platforms in PLATFORMS order, a whole group written as its shorthand (`gpu`, `browser`). */
export function encodePlatforms(platforms: readonly Platform[]): string {
  const set = new Set(platforms);
  const out: string[] = [];
  const done = new Set<Platform>();
  for (const p of PLATFORMS) {
    if (!set.has(p) || done.has(p)) continue;
    const group = Object.entries(PLATFORM_GROUPS).find(
      ([, ms]) => ms.includes(p) && ms.every((m) => set.has(m)),
    );
    if (group) {
      out.push(group[0]);
      group[1].forEach((m) => done.add(m));
    } else out.push(p);
  }
  return out.join(',');
}

export function readPlatforms(v: string | undefined, issues: UrlIssue[]): Platform[] | undefined {
  if (v === undefined) return undefined;
  const chosen = new Set<Platform>();
  const unknown: string[] = [];
  for (const raw of v.toLowerCase().split(',')) {
    const p = raw.trim();
    if (p === '') continue;
    if ((PLATFORMS as readonly string[]).includes(p)) chosen.add(p as Platform);
    else if (Object.hasOwn(PLATFORM_GROUPS, p)) PLATFORM_GROUPS[p]!.forEach((m) => chosen.add(m));
    else unknown.push(p);
  }
  const known = [...Object.keys(PLATFORM_GROUPS), ...PLATFORMS].join(', ');
  if (unknown.length > 0)
    issues.push({
      field: 'platforms',
      value: short(unknown.join(',')),
      message: `unknown platform${unknown.length > 1 ? 's' : ''} ignored (use ${known})`,
    });
  if (chosen.size === 0) {
    issues.push({
      field: 'platforms',
      value: short(v),
      message: 'no known platform; all platforms are used',
    });
    return undefined;
  }
  return PLATFORMS.filter((p) => chosen.has(p));
}

export function readHardware(v: string | undefined, issues: UrlIssue[]): string[] {
  if (v === undefined) return [];
  const out: string[] = [];
  const invalid: string[] = [];
  let repeats = 0;
  for (const raw of v.toLowerCase().split(',')) {
    const h = raw.trim();
    if (h === '') continue;
    if (!ID_PATTERN.test(h)) invalid.push(h);
    else if (out.includes(h)) repeats++;
    else out.push(h);
  }
  if (invalid.length > 0)
    issues.push({
      field: 'hardware',
      value: short(invalid.join(',')),
      message: `${invalid.length} invalid id${invalid.length > 1 ? 's' : ''} dropped (a-z, 0-9, . _ - +; at most 128 characters)`,
    });
  if (repeats > 0)
    issues.push({ field: 'hardware', value: '', message: `${repeats} repeated id(s) dropped` });
  if (out.length > MAX_HARDWARE) {
    issues.push({
      field: 'hardware',
      value: short(out.slice(MAX_HARDWARE).join(',')),
      message: `at most ${MAX_HARDWARE} devices; the rest are dropped`,
    });
    out.length = MAX_HARDWARE;
  }
  return out;
}
