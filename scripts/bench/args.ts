import { parseArgs } from 'node:util';

export interface BenchArgs {
  /** Page loads per benchmark (fresh browser context each). */
  runs: number;
  /** Discarded app + floor loads before the measured ones. */
  warmup: number;
  /** Build the app first (`vite build`); `--no-build` reuses what is in outDir. */
  build: boolean;
  /** Where the build goes and is served from, relative to the repo root. */
  outDir: string;
  /** Sections to run (all when empty). */
  only: string[];
}

export const SECTION_NAMES = ['load', 'bundle', 'ranking', 'predictor', 'import', 'calibration'] as const;

export const USAGE = `usage: npm run bench -- [--runs N] [--no-build] [--out-dir DIR]
  --runs N       page loads per benchmark, fresh browser context each (default 5)
  --warmup N     discarded app + floor loads first (default 1)
  --no-build     skip \`vite build\` and serve the existing build
  --out-dir DIR  build into / serve from DIR (default dist)
  --only LIST    comma-separated sections to run: load, bundle, ranking, predictor, import, calibration (default all)`;

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '1' },
      build: { type: 'boolean', default: true },
      'no-build': { type: 'boolean', default: false },
      'out-dir': { type: 'string', default: 'dist' },
      only: { type: 'string', default: '' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.error(USAGE);
    process.exit(0);
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be a positive integer, got ${values.runs}`);
  const warmup = Number(values.warmup);
  if (!Number.isInteger(warmup) || warmup < 0)
    throw new Error(`--warmup must be a non-negative integer, got ${values.warmup}`);
  const only = values.only
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
  const unknown = only.filter((x) => !(SECTION_NAMES as readonly string[]).includes(x));
  if (unknown.length > 0)
    throw new Error(`--only: unknown section ${unknown.join(', ')} (sections: ${SECTION_NAMES.join(', ')})`);
  return { runs, warmup, build: values.build && !values['no-build'], outDir: values['out-dir'], only };
}
