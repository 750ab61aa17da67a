/**
 * Model names as vendor docs and checkpoint repos write them ("LLaMA v3.1 8B", "Meta-Llama-3.1-8B-Instruct",
 * "nvidia/Llama-3.1-70B-Instruct-FP8") rewritten to the base model's spelling. The lookup tries these only
 * after the name as written found nothing, so a catalog row named with the suffix still wins.
 */
import { normalizePrecision, stripMarks } from './normalize.ts';

/** Trailing words that name a checkpoint of a model rather than another model. */
const CHECKPOINT_WORDS = new Set([
  'instruct',
  'chat',
  'it',
  'hf',
  'gguf',
  'mlc',
  'awq',
  'gptq',
  'dynamic',
  'quantized',
]);
/** MLC quantization suffixes: `q4f16_1`, `q0f32-MLC`, `q4f16_1-MLC-1k`. */
const MLC_SUFFIX = /[-_\s]q\d+f\d+(?:_\d+)?(?:[-_\s]mlc)?(?:[-_\s]\d+k)?$/i;
/** llama.cpp quantization suffixes: `Q4_K_M`, `UD-Q4_K_XL`, `IQ2_XXS`. */
const GGUF_SUFFIX = /[-_\s](?:ud[-_])?i?q\d(?:_(?:k|0|1|xs|xxs|s|m|l|nl|xl))*$/i;

/** Release dates of a checkpoint: MMDD ("DeepSeek-R1-0528") or YYMM ("…-Instruct-2507"). */
const RELEASE_DATE = /^(?:(?:0[1-9]|1[0-2])[0-3]\d|2[3-9](?:0[1-9]|1[0-2]))$/;

function isCheckpointWord(word: string): boolean {
  const w = word.toLowerCase();
  return CHECKPOINT_WORDS.has(w) || RELEASE_DATE.test(w) || normalizePrecision(w) !== null;
}

/** "v3.1" → "3.1", "v2" → "2" where the version stands as its own word. */
function dropVersionV(name: string): string {
  return name.replace(/(^|[\s_-])v(\d+(?:\.\d+)*)(?=$|[\s_-])/gi, '$1$2');
}

/** Without trailing checkpoint words (instruct, chat, FP8, AWQ, GGUF, MLC quantizations, dates…). */
function dropCheckpointSuffix(name: string): string {
  let s = name;
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s.replace(MLC_SUFFIX, '').replace(GGUF_SUFFIX, '');
    const m = /^(.*\S)[-_\s]+([a-z0-9]+)$/i.exec(s);
    if (m?.[1] && m[2] && isCheckpointWord(m[2])) s = m[1];
  }
  return s;
}

/**
 * Spellings of `raw` to try when it did not resolve as written, most faithful first, without `raw` itself:
 * the repo name of an `org/name` id, trademark marks dropped, "v3.1" read as "3.1", checkpoint suffixes
 * and a leading "Meta-" dropped. Version numbers and sizes are never changed, so "Llama 3 8B" and
 * "Llama 3.1 8B" stay apart.
 */
export function modelSpellings(raw: string): string[] {
  const tail = stripMarks(raw.slice(raw.lastIndexOf('/') + 1));
  const versioned = dropVersionV(tail);
  const base = dropCheckpointSuffix(versioned);
  const spellings = [
    tail,
    dropCheckpointSuffix(tail),
    versioned,
    base,
    base.replace(/^meta[-_\s]+(?=llama)/i, ''),
  ];
  return [...new Set(spellings)].filter((s) => s !== '' && s !== raw.trim());
}
