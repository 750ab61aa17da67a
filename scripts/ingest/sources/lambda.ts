/** Lambda deeplearning-benchmark: PyTorch training throughput per GPU type and GPU count (long format, one row per cell). */
import { num, readCsv } from '../read.ts';
import type { Drop, MeasurementSource, ParseResult, RawMeasurement } from '../types.ts';

const DIR = 'lambda';

interface Version {
  dir: string;
  throughput: (prec: string) => string;
  bs: ((prec: string) => string) | null;
  date: string;
  runtime: string;
}

const VERSIONS: Version[] = [
  {
    dir: 'v0_2022-07',
    throughput: (p) => `pytorch-train-throughput-${p}.csv`,
    bs: (p) => `pytorch-train-bs-${p}.csv`,
    date: '2022-07',
    runtime: 'PyTorch NGC 20.01/20.10',
  },
  {
    dir: 'v1',
    throughput: (p) => `pytorch-train-throughput-${p}.csv`,
    bs: (p) => `pytorch-train-bs-${p}.csv`,
    date: '2024-07',
    runtime: 'PyTorch NGC 22.09',
  },
  {
    dir: 'v2',
    throughput: (p) => `pytorch-train-throughput-v2-${p}.csv`,
    bs: null,
    date: '2025-12',
    runtime: 'PyTorch NGC 24.10',
  },
  {
    dir: 'v1_v2',
    throughput: (p) => `pytorch-train-throughput-${p}.csv`,
    bs: (p) => `pytorch-train-bs-${p}.csv`,
    date: '2025-12',
    runtime: 'PyTorch NGC',
  },
];

/** Precision as the file pair states it: `fp16` files are AMP runs, `fp32` files the FP32 task variants. */
const PRECISIONS: Record<string, string> = { fp16: 'AMP', fp32: 'FP32' };

/** Units per model column, from the log line each is parsed from (SOURCE.md). */
export const LAMBDA_UNITS: Record<string, string> = {
  ssd: 'images/s',
  resnet50: 'images/s',
  maskrcnn: 'images/s',
  bert_base_squad: 'sequences/s',
  bert_large_squad: 'sequences/s',
  gnmt: 'tokens/s',
  ncf: 'samples/s',
  transformerxlbase: 'tokens/s',
  transformerxllarge: 'tokens/s',
  tacotron2: 'items/s',
  waveglow: 'items/s',
};

/** AWS instance types in v0: device per instance type (AWS specs: p3 = V100 16GB SXM2, p4d = A100 40GB SXM4). */
const INSTANCES: Record<string, string> = {
  'p3.16xlarge': 'V100 16GB',
  'p3.8xlarge': 'V100 16GB',
  'p4d.24xlarge': 'A100 40GB SXM4',
};
const CHASSIS = /^(Lambda Cloud —|Linode Cloud —|LambdaCloud|DellTexas|Dell|SMC|1CC|RAIDZ1)\s*/;
const META_COLS = new Set(['', 'name_gpu', 'num_gpu', 'watt', 'price']);

/** Device name, count and whether the label carries more than the device (chassis, NVLink, run variant). */
export function lambdaConfig(
  label: string,
  numGpu: number | null,
): { hardware: string; n: number; qualified: boolean } | null {
  if (label.includes('_')) {
    const m = [...label.matchAll(/(\d+)x([A-Z]+\d+[A-Za-z0-9]*(?:_\d+GB)?(?:_(?:SXM5?|PCIe))?)/g)].pop();
    return m?.[1] && m[2] ? { hardware: m[2].replace(/_/g, ' '), n: Number(m[1]), qualified: true } : null;
  }
  const inst = INSTANCES[label];
  if (inst) return { hardware: inst, n: numGpu ?? 1, qualified: true };
  const s = label.replace(CHASSIS, '');
  const count = /^(\d+)\s*x\s*/i.exec(s);
  const bare = s.replace(/^(\d+)\s*x\s*/i, '').replace(/\s+(NVLink|V1)$/, '');
  if (bare === '') return null;
  const n = numGpu ?? (count?.[1] ? Number(count[1]) : 1);
  return { hardware: bare, n, qualified: CHASSIS.test(label) || /\s(NVLink|V1)$/.test(label) };
}

/** Models shared by v1, v2 and v1_v2, used to recognise v1_v2 rows copied from v1 or v2. */
const SIG_MODELS = [
  'ssd',
  'bert_base_squad',
  'bert_large_squad',
  'gnmt',
  'resnet50',
  'tacotron2',
  'waveglow',
];

/** Parse all Lambda throughput tables; batch sizes joined from the matching bs table by config label. */
export function parseLambda(rawRoot: string): ParseResult {
  const rows: RawMeasurement[] = [];
  const drops: Drop[] = [];
  let read = 0;
  const seen = new Map<string, string>();
  for (const ver of VERSIONS) {
    for (const prec of ['fp16', 'fp32']) {
      const file = `${DIR}/${ver.dir}/${ver.throughput(prec)}`;
      const data = readCsv(rawRoot, file);
      const bsRows = ver.bs ? readCsv(rawRoot, `${DIR}/${ver.dir}/${ver.bs(prec)}`) : [];
      const bsByLabel = new Map(bsRows.map((r) => [r.name_gpu ?? '', r]));
      data.forEach((r, i) => {
        const source_row = i + 1;
        const label = (r.name_gpu ?? r[''] ?? '').trim();
        const cfg = lambdaConfig(label, num(r.num_gpu));
        const models = Object.keys(r).filter((k) => !META_COLS.has(k));
        read += models.length;
        const drop = (reason: string): number => drops.push({ source_file: file, source_row, reason });
        if (!cfg) return void models.forEach(() => drop(`unparseable config label '${label}'`));
        const sig = [cfg.n, prec, ...SIG_MODELS.map((m) => num(r[m]))].join('|');
        const here = `${file}:${source_row}`;
        let dupOf: string | undefined;
        if (ver.dir === 'v1' || ver.dir === 'v2') seen.set(`row|${sig}`, seen.get(`row|${sig}`) ?? here);
        if (ver.dir === 'v1_v2') dupOf = seen.get(`row|${sig}`);
        if (ver.dir === 'v2') {
          seen.set(`v2|${label}|${prec}`, here);
          if (label.endsWith('_bk')) dupOf = seen.get(`v2|${label.slice(0, -3)}|${prec}`);
        }
        for (const model of models) {
          const raw = (r[model] ?? '').trim();
          const value = num(raw);
          if (dupOf) drop(`duplicate of ${dupOf}`);
          else if (raw === '') drop('empty value');
          else if (value == null) drop(`non-numeric value '${raw}'`);
          else if (value <= 0) drop(`not run / failed / OOM (value ${raw})`);
          else {
            const bs = num(bsByLabel.get(label)?.[model]);
            rows.push({
              source_file: file,
              source_row,
              hardware: cfg.hardware,
              n_devices: cfg.n,
              model,
              mode: 'training',
              scenario: cfg.qualified ? label : null,
              precision: PRECISIONS[prec] ?? prec,
              batch_size: bs != null && bs > 0 ? bs : null,
              metric: 'throughput',
              value,
              unit: LAMBDA_UNITS[model] ?? 'items/s',
              runtime: ver.runtime,
              date: ver.date,
            });
          }
        }
        return undefined;
      });
    }
  }
  const notes = [
    'lambda: AWS instance labels mapped to their GPUs (p3.8xlarge/p3.16xlarge → V100 16GB, p4d.24xlarge → A100 40GB SXM4)',
    'lambda: v1_v2 rows identical to a v1 or v2 row (same GPU count, precision and all 7 values) and v2 `_bk` rows identical to their sibling dropped as duplicates',
    'lambda: fp32 files are the FP32 task variants; on Ampere+ the NGC containers may run them as TF32 (not stated)',
    'lambda: batch_size is per GPU (bs tables); v2 has no bs table; 0.0/-1 cells are not-run/failed/OOM',
  ];
  return { read, rows, drops, notes };
}

/** Lambda GPU benchmark measurement source. */
export const source: MeasurementSource = {
  meta: {
    id: DIR,
    title: 'Lambda GPU benchmarks (PyTorch training throughput)',
    repository: 'https://github.com/lambdal/deeplearning-benchmark',
    paths: VERSIONS.flatMap((v) =>
      ['fp16', 'fp32'].flatMap((p) =>
        [v.throughput(p), ...(v.bs ? [v.bs(p)] : [])].map((f) => `${DIR}/${v.dir}/${f}`),
      ),
    ).join('|'),
    commit: 'aa5addb6a53675a649a80036dad548f1c27cbcc4',
    license: 'none stated (no LICENSE file in the repository)',
  },
  parse: parseLambda,
};
