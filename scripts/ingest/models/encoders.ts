/** Encoders and encoder-decoders: BERT family, RoBERTa, MiniLM, CLIP text, wav2vec2, T5, Whisper. */
import type { ModelRow } from '../../../src/core/catalog/schema.ts';
import { exists, num, readCsv, readJson } from '../read.ts';
import { FLOPS_NOTE, encoderParams, makeRow, round, type RowInit } from './row.ts';

const BERT_CSV = 'model-docs-bert/bert_models.csv';
const LLMA_CSV = 'hw-specs-llm-analysis/model_configs.csv';
const HF_MISC = 'model-configs-hf-misc/configs.json';
const GPU_POOR = 'hw-specs-gpu-poor/all_configs_hf_model_configs.json';
const WHISPER_CSV = 'model-docs-whisper/whisper_models.csv';

type Rec = Record<string, string>;
type Cfg = Record<string, unknown>;

function enc(init: RowInit & { computed?: boolean }): ModelRow {
  const { computed, ...rest } = init;
  const notes = [
    rest.notes ?? '',
    computed ? 'params computed: layers × (4h² + 2h·ffn) + (vocab + positions) × h' : '',
    FLOPS_NOTE,
  ];
  const p = rest.params_m ?? null;
  return makeRow({
    ...rest,
    gflops_per_token: p != null ? round((2 * p) / 1000, 3) : null,
    notes: notes.filter((s) => s !== '').join('; '),
  });
}

/** BERT-style encoder rows from the BERT README transcription, llm-analysis configs and transformers defaults. */
export function buildEncoders(rawRoot: string): ModelRow[] {
  const rows: ModelRow[] = [];
  const bert = exists(rawRoot, BERT_CSV) ? readCsv(rawRoot, BERT_CSV) : [];
  const llma = new Map(
    (exists(rawRoot, LLMA_CSV) ? readCsv(rawRoot, LLMA_CSV) : []).map((r) => [r['name'] ?? '', r]),
  );
  const bertBy = (prefix: string): Rec | undefined => bert.find((r) => (r['model'] ?? '').startsWith(prefix));
  const addBert = (
    id: string,
    name: string,
    readme: string,
    cfgKey: string | null,
    aliases: string[],
    extra = '',
  ) => {
    const b = bertBy(readme);
    const c = cfgKey ? llma.get(cfgKey) : undefined;
    const srcs = [
      b ? `model-docs-bert:bert_models.csv "${b['model']}"` : '',
      c ? `hw-specs-llm-analysis:model_configs/${cfgKey}.json` : '',
    ];
    rows.push(
      enc({
        id,
        name,
        aliases,
        family: 'bert',
        modality: 'text',
        architecture: 'encoder-only',
        params_m: num(b?.['params_M']),
        layers: num(c?.['num_layers']) ?? num(b?.['layers_L']),
        hidden: num(c?.['hidden_dim']) ?? num(b?.['hidden_H']),
        heads: num(c?.['n_head']) ?? num(b?.['heads_A']),
        ffn: num(c?.['ffn_embed_dim']),
        vocab: num(c?.['vocab_size']),
        max_seq: num(c?.['max_seq_len']),
        source: srcs.filter((s) => s !== '').join('; '),
        notes: extra,
      }),
    );
  };
  addBert(
    'bert-base-uncased',
    'BERT-Base Uncased',
    'BERT-Base Uncased',
    'bert-base-uncased',
    [
      'google-bert/bert-base-uncased',
      'BERT-base',
      'bert-base',
      'BERT Base',
      'bert_base_squad',
      'BERT-Base Uncased (uncased_L-12_H-768_A-12)',
    ],
    'Lambda bert_base_squad / DLE BERT-base SQuAD fine-tuning use this architecture',
  );
  addBert(
    'bert-base-cased',
    'BERT-Base Cased',
    'BERT-Base Cased',
    'bert-base-cased',
    [
      'google-bert/bert-base-cased',
      'BioBERT',
      'biobert',
      'LanguageModeling/BERT/biobert',
      'dslim_bert-base-NER',
    ],
    'BioBERT (DLE) and dslim/bert-base-NER are BERT-Base cased fine-tunes (aliased)',
  );
  addBert(
    'bert-base-multilingual-cased',
    'BERT-Base Multilingual Cased',
    'BERT-Base Multilingual',
    'bert-base-multilingual-cased',
    ['google-bert/bert-base-multilingual-cased'],
  );
  addBert(
    'bert-large-uncased',
    'BERT-Large Uncased',
    'BERT-Large Uncased (',
    'bert-large',
    [
      'google-bert/bert-large-uncased',
      'BERT-large',
      'bert-large',
      'BERT Large',
      'bert_large_squad',
      'bert-99',
      'bert-99.9',
      'bert-large-base-none-bert-99',
      'obert-large-base-none-bert-99',
      'BERT-Large Uncased WWM',
      'bert-large-uncased-whole-word-masking',
    ],
    'MLPerf bert-99/bert-99.9 benchmark model (SQuAD v1.1, seq 384); dense oBERT-large and WWM variants aliased (same dims)',
  );
  addBert('bert-large-cased', 'BERT-Large Cased', 'BERT-Large Cased', null, ['google-bert/bert-large-cased']);
  for (const [id, name, prefix] of [
    ['bert-tiny', 'BERT-Tiny', 'BERT-Tiny'],
    ['bert-mini', 'BERT-Mini', 'BERT-Mini'],
    ['bert-small', 'BERT-Small', 'BERT-Small'],
    ['bert-medium', 'BERT-Medium', 'BERT-Medium'],
  ] as const) {
    addBert(
      id,
      name,
      prefix,
      null,
      [`google/${id}`],
      'small-BERT grid: heads/FFN/params not stated in the README (left null)',
    );
  }
  const cfgRow = (key: string, id: string, name: string, family: string, aliases: string[]) => {
    const c = llma.get(key);
    if (!c) return;
    const L = num(c['num_layers']) ?? 0;
    const h = num(c['hidden_dim']) ?? 0;
    const f = num(c['ffn_embed_dim']) ?? 0;
    const v = num(c['vocab_size']) ?? 0;
    const p = num(c['max_seq_len']) ?? 0;
    rows.push(
      enc({
        id,
        name,
        aliases,
        family,
        modality: 'text',
        architecture: 'encoder-only',
        params_m: round(encoderParams(L, h, f, v, p), 1),
        layers: L,
        hidden: h,
        heads: num(c['n_head']),
        ffn: f,
        vocab: v,
        max_seq: p,
        source: `hw-specs-llm-analysis:model_configs/${key}.json`,
        computed: true,
      }),
    );
  };
  cfgRow('sentence-transformers_all-MiniLM-L6-v2', 'all-minilm-l6-v2', 'all-MiniLM-L6-v2', 'bert', [
    'sentence-transformers/all-MiniLM-L6-v2',
    'Xenova/all-MiniLM-L6-v2',
    'Xenova/all-MiniLM-L6-v2 (~22M params)',
  ]);
  cfgRow('allenai_scibert_scivocab_uncased', 'scibert-scivocab-uncased', 'SciBERT scivocab uncased', 'bert', [
    'allenai/scibert_scivocab_uncased',
  ]);
  rows.push(
    enc({
      id: 'snowflake-arctic-embed-m',
      name: 'snowflake-arctic-embed-m',
      aliases: ['Snowflake/snowflake-arctic-embed-m'],
      family: 'bert',
      modality: 'text',
      architecture: 'encoder-only',
      params_m: round(encoderParams(12, 768, 3072, 30522, 512), 1),
      layers: 12,
      hidden: 768,
      heads: 12,
      ffn: 3072,
      vocab: 30522,
      max_seq: 512,
      source: 'model-configs-mlc-llm:model_preset.py key=snowflake-arctic-embed-m',
      computed: true,
    }),
    enc({
      id: 'snowflake-arctic-embed-s',
      name: 'snowflake-arctic-embed-s',
      aliases: ['Snowflake/snowflake-arctic-embed-s'],
      family: 'bert',
      modality: 'text',
      architecture: 'encoder-only',
      params_m: round(encoderParams(12, 384, 1536, 30522, 512), 1),
      layers: 12,
      hidden: 384,
      heads: 12,
      ffn: 1536,
      vocab: 30522,
      max_seq: 512,
      source: 'published-config:Snowflake/snowflake-arctic-embed-s',
      computed: true,
    }),
  );
  if (exists(rawRoot, HF_MISC)) {
    const m = readJson<Record<string, Cfg>>(rawRoot, HF_MISC);
    const g = (o: Cfg | undefined, k: string): number | null =>
      typeof o?.[k] === 'number' ? (o[k] as number) : null;
    const d = m['distilbert/distilbert-base-uncased'];
    if (d) {
      const [L, h, f, v, p] = [
        g(d, 'n_layers') ?? 0,
        g(d, 'dim') ?? 0,
        g(d, 'hidden_dim') ?? 0,
        g(d, 'vocab_size') ?? 0,
        g(d, 'max_position_embeddings') ?? 0,
      ];
      rows.push(
        enc({
          id: 'distilbert-base-uncased',
          name: 'DistilBERT base uncased',
          aliases: ['distilbert/distilbert-base-uncased'],
          family: 'distilbert',
          modality: 'text',
          architecture: 'encoder-only',
          params_m: round(encoderParams(L, h, f, v, p), 1),
          layers: L,
          hidden: h,
          heads: g(d, 'n_heads'),
          ffn: f,
          vocab: v,
          max_seq: p,
          source: 'model-configs-hf-misc:configs.json (DistilBertConfig defaults)',
          computed: true,
        }),
      );
    }
    const r = m['FacebookAI/roberta-base'];
    if (r) {
      const [L, h, f, v, p] = [
        g(r, 'num_hidden_layers') ?? 0,
        g(r, 'hidden_size') ?? 0,
        g(r, 'intermediate_size') ?? 0,
        g(r, 'vocab_size') ?? 0,
        g(r, 'max_position_embeddings') ?? 0,
      ];
      rows.push(
        enc({
          id: 'roberta-base',
          name: 'RoBERTa-base',
          aliases: ['FacebookAI/roberta-base'],
          family: 'roberta',
          modality: 'text',
          architecture: 'encoder-only',
          params_m: round(encoderParams(L, h, f, v, p), 1),
          layers: L,
          hidden: h,
          heads: g(r, 'num_attention_heads'),
          ffn: f,
          vocab: v,
          max_seq: p,
          source: 'model-configs-hf-misc:configs.json (vendored roberta-base config.json)',
          computed: true,
          notes: 'max_position_embeddings 514 includes 2 offset positions',
        }),
      );
    }
    const clip = m['openai/clip-vit-base-patch32'];
    const t = clip?.['text_config'] as Cfg | undefined;
    if (t) {
      const [L, h, f, v, p] = [
        g(t, 'num_hidden_layers') ?? 0,
        g(t, 'hidden_size') ?? 0,
        g(t, 'intermediate_size') ?? 0,
        g(t, 'vocab_size') ?? 0,
        g(t, 'max_position_embeddings') ?? 0,
      ];
      rows.push(
        enc({
          id: 'clip-vit-base-patch32-text',
          name: 'CLIP ViT-B/32 text encoder',
          aliases: ['openai/clip-vit-base-patch32 (text tower)'],
          family: 'clip',
          modality: 'text',
          architecture: 'encoder-only',
          params_m: round(encoderParams(L, h, f, v, p), 1),
          layers: L,
          hidden: h,
          heads: g(t, 'num_attention_heads'),
          ffn: f,
          vocab: v,
          max_seq: p,
          source: 'model-configs-hf-misc:configs.json (CLIPTextConfig defaults)',
          computed: true,
          notes: 'vision tower: timm vit_base_patch32_clip_224.openai',
        }),
      );
    }
    const w = m['facebook/wav2vec2-base-960h'];
    if (w) {
      rows.push(
        makeRow({
          id: 'wav2vec2-base',
          name: 'wav2vec 2.0 Base',
          aliases: [
            'facebook/wav2vec2-base-960h',
            'wav2vec2-base-960h',
            'wav2vec 2.0',
            'wav2vec2',
            'SpeechRecognition/wav2vec2',
          ],
          family: 'wav2vec2',
          modality: 'audio',
          architecture: 'encoder-only',
          layers: g(w, 'num_hidden_layers'),
          hidden: g(w, 'hidden_size'),
          heads: g(w, 'num_attention_heads'),
          ffn: g(w, 'intermediate_size'),
          vocab: g(w, 'vocab_size'),
          source: 'model-configs-hf-misc:configs.json (Wav2Vec2Config defaults)',
          notes:
            'CNN feature extractor + transformer; params not stated in raw (null); DLE wav2vec2 name aliased here (base dims)',
        }),
      );
    }
  }
  return rows;
}

const T5_KEYS: [string, string, string, number | null][] = [
  ['t5-small', 't5-small', 'T5-Small', 60],
  ['t5-base', 't5-base', 'T5-Base', 220],
  ['t5-large', 't5-large', 'T5-Large', 770],
  ['t5-3b', 't5-3b', 'T5-3B', 3000],
  ['google/flan-t5-small', 'flan-t5-small', 'FLAN-T5-Small', null],
  ['google/flan-t5-base', 'flan-t5-base', 'FLAN-T5-Base', null],
  ['google/flan-t5-large', 'flan-t5-large', 'FLAN-T5-Large', null],
  ['google/flan-t5-xl', 'flan-t5-xl', 'FLAN-T5-XL', null],
  ['google/flan-t5-xxl', 'flan-t5-xxl', 'FLAN-T5-XXL', null],
];

/** T5 rows from the gpu_poor config subset (dims) with T5-paper sizes for the original checkpoints. */
export function buildT5(rawRoot: string): ModelRow[] {
  if (!exists(rawRoot, GPU_POOR)) return [];
  const all = readJson<Record<string, Cfg>>(rawRoot, GPU_POOR);
  const rows: ModelRow[] = [];
  for (const [key, id, name, paper] of T5_KEYS) {
    const c = all[key];
    if (!c) continue;
    const g = (k: string) => (typeof c[k] === 'number' ? (c[k] as number) : null);
    rows.push(
      makeRow({
        id,
        name,
        aliases: [key, `google-t5/${key}`],
        family: 't5',
        modality: 'text',
        architecture: 'encoder-decoder',
        params_m: paper,
        layers: g('num_layers'),
        hidden: g('d_model'),
        heads: g('num_heads'),
        ffn: g('d_ff'),
        vocab: g('vocab_size'),
        source:
          `hw-specs-gpu-poor:all_configs.json key=${key}` +
          (paper ? '; published-config:T5 paper (Raffel et al. 2020) model sizes' : ''),
        notes:
          'layers = encoder layers (decoder has the same count); ' +
          (paper ? 'params as stated in the T5 paper' : 'params not stated in raw (null)'),
      }),
    );
  }
  return rows;
}

/** Whisper rows from the openai/whisper README transcription; checkpoint versions share the dims of their size. */
export function buildWhisper(rawRoot: string): ModelRow[] {
  if (!exists(rawRoot, WHISPER_CSV)) return [];
  const rows: ModelRow[] = [];
  const src = 'model-docs-whisper:whisper_models.csv';
  const base = (r: Rec, id: string, name: string, aliases: string[], note: string) =>
    makeRow({
      id,
      name,
      aliases,
      family: 'whisper',
      modality: 'audio',
      architecture: 'encoder-decoder',
      params_m: num(r['params_M_readme']),
      layers: num(r['layers']),
      hidden: num(r['width_d_model']),
      heads: num(r['heads']),
      source: `${src} size=${r['size']}`,
      notes: ['layers = per encoder and per decoder', note].filter((s) => s !== '').join('; '),
    });
  for (const r of readCsv(rawRoot, WHISPER_CSV)) {
    const size = r['size'] ?? '';
    if (['tiny', 'base', 'small', 'medium'].includes(size)) {
      rows.push(
        base(
          r,
          `whisper-${size}`,
          `Whisper ${size}`,
          [`openai/whisper-${size}`, size, `${size}.en`, `whisper-${size}.en`, `ggml-${size}`],
          'English-only .en checkpoint aliased (same dims)',
        ),
      );
    } else if (size === 'large') {
      rows.push(
        base(r, 'whisper-large', 'Whisper large (v1)', ['openai/whisper-large', 'large', 'large-v1'], ''),
      );
      rows.push(
        base(
          r,
          'whisper-large-v2',
          'Whisper large-v2',
          ['openai/whisper-large-v2', 'large-v2'],
          'dims/params of the README "large" row',
        ),
      );
      rows.push(
        base(
          r,
          'whisper-large-v3',
          'Whisper large-v3',
          ['openai/whisper-large-v3', 'large-v3', 'whisper', 'whisper-99'],
          'dims/params of the README "large" row; MLPerf v5.1 whisper benchmark model',
        ),
      );
    } else if (size === 'turbo') {
      rows.push(
        makeRow({
          id: 'whisper-large-v3-turbo',
          name: 'Whisper large-v3-turbo',
          aliases: ['openai/whisper-large-v3-turbo', 'turbo', 'large-v3-turbo'],
          family: 'whisper',
          modality: 'audio',
          architecture: 'encoder-decoder',
          params_m: num(r['params_M_readme']),
          source: `${src} size=turbo`,
          notes: `README states ${r['params_M_readme']}M, model card ${r['params_M_model_card']}M (README kept); layer dims not in the table`,
        }),
      );
    }
  }
  for (const [id, name, alias] of [
    ['distil-whisper-medium.en', 'Distil-Whisper medium.en', 'medium-dis'],
    ['distil-whisper-large-v2', 'Distil-Whisper large-v2', 'large-v2-dis'],
  ] as const) {
    rows.push(
      makeRow({
        id,
        name,
        aliases: [alias, `distil-whisper/${id.replace('distil-whisper-', 'distil-')}`],
        family: 'whisper',
        modality: 'audio',
        architecture: 'encoder-decoder',
        source: 'whispercpp-bench:whispercpp_bench.csv Model',
        notes: `whisper.cpp bench name '${alias}' read as the distilled checkpoint; no dims/params in raw (null)`,
      }),
    );
  }
  return rows;
}
