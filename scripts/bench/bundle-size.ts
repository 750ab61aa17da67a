import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FLOOR_PAGE } from './paths.ts';
import { round1 } from './stats.ts';

export interface BundleSection {
  /** gzip KB of the JS index.html loads up front: its entry script and modulepreload links. */
  initialJsGzipKB: number;
  /** gzip KB of every other app JS file (dynamic imports, workers); the floor page's own chunks excluded. */
  lazyChunksKB: number;
  bundle: { initial: Record<string, number>; lazy: Record<string, number> };
}

/** The JS files an HTML page loads up front: `<script type="module" src>` and `<link rel="modulepreload">`. */
export function initialScripts(html: string): string[] {
  const out: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attr = (name: string): string | undefined =>
      new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
        .exec(tag)
        ?.slice(1)
        .find((v) => v !== undefined);
    if (/^<script/i.test(tag) && attr('type') === 'module' && attr('src')) out.push(attr('src')!);
    if (/^<link/i.test(tag) && attr('rel') === 'modulepreload' && attr('href')) out.push(attr('href')!);
  }
  return out;
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.m?js$/.test(d.name))
    .map((d) => join(d.parentPath, d.name));
}

/** Absolute paths of the JS files `htmlFile` (inside outDir) loads initially. */
function initialOf(outDir: string, htmlFile: string): string[] {
  if (!existsSync(htmlFile)) throw new Error(`${htmlFile} not found: was the app built?`);
  return initialScripts(readFileSync(htmlFile, 'utf8')).map((src) =>
    src.startsWith('/') ? join(outDir, src) : resolve(dirname(htmlFile), src),
  );
}

const gzipKB = (file: string): number => gzipSync(readFileSync(file)).length / 1024;

/** Gzip sizes of the built app's JavaScript, split into what index.html loads first and the rest. */
export function bundleSection(outDir: string): BundleSection {
  const initial = new Set(initialOf(outDir, join(outDir, 'index.html')));
  const floorPage = join(outDir, FLOOR_PAGE);
  const floorOnly = new Set(
    existsSync(floorPage) ? initialOf(outDir, floorPage).filter((f) => !initial.has(f)) : [],
  );
  for (const f of initial) if (!existsSync(f)) throw new Error(`index.html loads ${f}, which is missing`);
  const lazy = jsFiles(outDir).filter((f) => !initial.has(f) && !floorOnly.has(f));
  const sizes = (files: Iterable<string>): Record<string, number> =>
    Object.fromEntries([...files].map((f) => [relative(outDir, f), round1(gzipKB(f))]));
  const total = (files: Iterable<string>): number => round1([...files].reduce((s, f) => s + gzipKB(f), 0));
  return {
    initialJsGzipKB: total(initial),
    lazyChunksKB: total(lazy),
    bundle: { initial: sizes(initial), lazy: sizes(lazy) },
  };
}
