/**
 * Architectural twins: models whose every dimension the roofline reads is equal (Llama-3-8B and
 * Llama-3.1-8B; a base model and its instruct tune). Their FLOPs and bytes per token are the same, so a
 * twin's measured efficiency transfers as well as the model's own: a reference measured on a twin is
 * evidence for the model, a little farther than its own rows.
 */
import type { ModelRow } from '../catalog/schema.ts';

type ShapeFields = Pick<
  ModelRow,
  | 'architecture'
  | 'layers'
  | 'hidden'
  | 'heads'
  | 'kv_heads'
  | 'ffn'
  | 'vocab'
  | 'n_experts'
  | 'experts_per_token'
  | 'head_dim'
  | 'attention'
  | 'kv_lora_rank'
  | 'sliding_window'
  | 'sliding_layers'
  | 'attn_layers'
  | 'image_size'
>;

/**
 * The shape signature of a model, equal for twins; null when the dimensions that decide its cost are not
 * all known (no layers, hidden, heads or vocab), so that two half-described models are never twins.
 */
export function modelShape(m: ShapeFields): string | null {
  if (!m.layers || !m.hidden || !m.heads || !m.vocab) return null;
  return [
    m.architecture,
    m.layers,
    m.hidden,
    m.heads,
    m.kv_heads,
    m.ffn,
    m.vocab,
    m.n_experts,
    m.experts_per_token,
    m.head_dim,
    m.attention,
    m.kv_lora_rank,
    m.sliding_window,
    m.sliding_layers,
    m.attn_layers,
    m.image_size,
  ].join('|');
}
