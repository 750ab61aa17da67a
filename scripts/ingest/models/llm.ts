/** Decoder LLM rows from a dims spec: computed parameter counts, published totals where a source states them. */
import type { ModelRow } from '../../../src/core/catalog/schema.ts';
import { attentionKind, type KvFields } from './kv-fields.ts';
import { FLOPS_NOTE, decoderParams, makeRow, round, type DecoderDims } from './row.ts';

/** One decoder LLM as a source describes it. */
export interface LlmSpec {
  id: string;
  name: string;
  family: string;
  aliases?: readonly string[];
  source: string;
  dims: DecoderDims;
  maxSeq: number | null;
  modality?: string;
  /** Published totals (millions) with where they are stated; computed values go in notes. */
  published?: { total: number; active?: number; where: string };
  notes?: readonly string[];
  /** KV-cache fields the config states beyond the dims (MLA, windows, hybrids); attention kind and head_dim default from the dims. */
  kv?: Partial<KvFields>;
}

/** Turn a spec into a row: params from `published` when given, else computed from the dims. */
export function llmRow(s: LlmSpec): ModelRow {
  const c = decoderParams(s.dims);
  const moe = (s.dims.experts ?? 0) > 0;
  const total = s.published ? s.published.total : round(c.total, 1);
  const active = moe ? (s.published?.active ?? round(c.active, 1)) : null;
  const notes = [...(s.notes ?? [])];
  if (s.published) {
    notes.push(
      `params as published (${s.published.where}); computed from dims ${round(c.total, 1)}M` +
        (moe ? ` total / ${round(c.active, 1)}M active` : ''),
    );
  } else {
    notes.push(
      'params computed from dims (attention + MLP' +
        (moe ? ' × experts + router' : '') +
        ' + embeddings' +
        (s.dims.tied ? ', tied head' : ' + LM head') +
        '; norms/biases ignored)',
    );
  }
  notes.push(FLOPS_NOTE);
  return makeRow({
    id: s.id,
    name: s.name,
    aliases: s.aliases ?? [],
    family: s.family,
    modality: s.modality ?? 'text',
    architecture: moe ? 'moe-decoder' : 'decoder-only',
    params_m: total,
    active_params_m: active,
    layers: s.dims.layers,
    hidden: s.dims.hidden,
    heads: s.dims.heads,
    kv_heads: s.dims.kvHeads,
    ffn: s.dims.moeFfn ?? s.dims.ffn,
    vocab: s.dims.vocab,
    max_seq: s.maxSeq,
    n_experts: s.dims.experts ?? null,
    experts_per_token: s.dims.expertsPerToken ?? null,
    attention: attentionKind(s.dims.heads, s.dims.kvHeads),
    head_dim: s.dims.headDim ?? null,
    ...s.kv,
    gflops_per_token: round(2 * ((active ?? total) / 1000), 3),
    source: s.source,
    notes: notes.join('; '),
  });
}
