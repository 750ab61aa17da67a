/** The model of `predict`: a catalog name, an inline description (--params…) or a Hugging Face config.json. */
import type { ModelRow } from '../core/catalog/schema.ts';
import { DescribeError, describeModel, specFromHfConfig, type ModelSpec } from '../core/predict/describe.ts';
import { intArg, numberArg } from './args.ts';
import type { Catalog, CliDeps } from './context.ts';
import { UsageError } from './usage-error.ts';

/** parseArgs options describing a model inline. */
export const MODEL_OPTIONS = {
  model: { type: 'string' },
  config: { type: 'string' },
  params: { type: 'string' },
  layers: { type: 'string' },
  hidden: { type: 'string' },
  heads: { type: 'string' },
  'kv-heads': { type: 'string' },
  ffn: { type: 'string' },
  vocab: { type: 'string' },
  gflops: { type: 'string' },
  arch: { type: 'string' },
  experts: { type: 'string' },
  'experts-per-token': { type: 'string' },
} as const;

type Values = Partial<Record<keyof typeof MODEL_OPTIONS, string>>;

const ARCHS = [
  'decoder-only',
  'encoder-only',
  'encoder-decoder',
  'cnn',
  'vit',
  'moe-decoder',
  'hybrid',
  'other',
];
const INLINE = [
  'params',
  'layers',
  'hidden',
  'heads',
  'kv-heads',
  'ffn',
  'vocab',
  'gflops',
  'experts',
] as const;

export interface ResolvedModel {
  row: ModelRow;
  /** How the model was found, for the report line. */
  how: string;
}

export async function resolveModel(
  v: Values,
  cat: Pick<Catalog, 'models'>,
  deps: CliDeps,
): Promise<ResolvedModel> {
  const inline = INLINE.some((k) => v[k] !== undefined);
  if (v.arch !== undefined && !ARCHS.includes(v.arch))
    throw new UsageError(`--arch "${v.arch}" is not one of ${ARCHS.join(', ')}`);
  if (v.config !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(await deps.readText(v.config));
    } catch (e) {
      throw new UsageError(`--config ${v.config}: ${(e as Error).message}`);
    }
    const spec = wrap(() => specFromHfConfig(json, v.model ?? 'custom-model'));
    const row = wrap(() => describeModel({ ...spec, ...inlineSpec(v) }));
    return { row, how: `described by ${v.config} (${fmtParams(row)})` };
  }
  if (v.model !== undefined && !inline) {
    const r = cat.models.resolve(v.model);
    if (!r.ok) throw new UsageError(r.message);
    return { row: r.entry, how: `"${r.input}" → ${r.entry.id} (${r.entry.name}, ${r.via} match)` };
  }
  if (!inline)
    throw new UsageError('give --model <name>, --config <config.json> or an inline description (--params…)');
  const row = wrap(() => describeModel({ ...inlineSpec(v), id: v.model ?? 'custom-model' }));
  return { row, how: `described inline (${fmtParams(row)})` };
}

function inlineSpec(v: Values): ModelSpec {
  const spec: ModelSpec = {};
  const put = <K extends keyof ModelSpec>(k: K, x: ModelSpec[K] | undefined) => {
    if (x !== undefined) spec[k] = x;
  };
  put('params', numberArg(v.params, '--params'));
  put('layers', intArg(v.layers, '--layers'));
  put('hidden', intArg(v.hidden, '--hidden'));
  put('heads', intArg(v.heads, '--heads'));
  put('kvHeads', intArg(v['kv-heads'], '--kv-heads'));
  put('ffn', intArg(v.ffn, '--ffn'));
  put('vocab', intArg(v.vocab, '--vocab'));
  put('gflopsPerSample', numberArg(v.gflops, '--gflops'));
  put('experts', intArg(v.experts, '--experts'));
  put('expertsPerToken', intArg(v['experts-per-token'], '--experts-per-token'));
  put('architecture', v.arch);
  return spec;
}

function wrap<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof DescribeError) throw new UsageError(e.message);
    throw e;
  }
}

const fmtParams = (m: ModelRow) =>
  m.params_m === null
    ? `${m.gflops_per_sample} GFLOPs/sample`
    : `${(m.params_m / 1e3).toFixed(2)}B params, ${m.architecture}`;
