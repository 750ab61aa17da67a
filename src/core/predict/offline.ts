/**
 * The `offline` scenario: the system's best throughput, as MLPerf Offline and trtllm-bench report it. The
 * search tries every split of the devices into replicas × a tensor-parallel group that holds the model, and
 * every power-of-two batch per replica that fits in memory, and keeps the one the engine predicts fastest.
 */
import type { HardwareRow } from '../catalog/schema.ts';
import { rooflineEstimate } from '../roofline/estimate.ts';
import { isGenerative, type Layout, type Workload } from '../roofline/workload.ts';
import type { Prediction, Query } from './types.ts';

/** Largest batch per replica the search tries. */
export const MAX_OFFLINE_BATCH = 1024;

export interface OfflineCandidate {
  workload: Workload;
  layout: Layout;
  replicas: number;
  /** Batch per replica (the workload's batch is the system total). */
  batchPerReplica: number;
}

/** "5 replicas × TP8", "8 replicas", "TP4", "1 device". */
export function layoutText(layout: Layout, replicas: number): string {
  const group = [layout.tp > 1 ? `TP${layout.tp}` : '', layout.pp > 1 ? `PP${layout.pp}` : '']
    .filter(Boolean)
    .join(' × ');
  if (replicas > 1) return group ? `${replicas} replicas × ${group}` : `${replicas} replicas`;
  return group || '1 device';
}

/**
 * Every layout (tensor-parallel group sizes that divide the device count, within one 8-device node for LLMs)
 * and power-of-two batch per replica up to the memory limit. Devices hold the whole model when they can:
 * an 8B model on 8 GPUs is tried as 8 replicas, TP2 × 4, TP4 × 2 and TP8.
 */
export function offlineCandidates(base: Workload, hw: HardwareRow): OfflineCandidate[] {
  const n = Math.max(1, Math.floor(base.nDevices));
  const llm = isGenerative(base.model) && base.mode === 'inference';
  const groups = llm ? [1, 2, 4, 8, 16, 32, 64].filter((g) => g <= n && n % g === 0) : [1];
  const out: OfflineCandidate[] = [];
  for (const tp of groups) {
    const replicas = n / tp;
    const layout = { tp, pp: 1 };
    for (let b = 1; b <= MAX_OFFLINE_BATCH; b *= 2) {
      const workload: Workload = { ...base, batch: b * replicas, layout };
      const est = rooflineEstimate(workload, hw);
      if (!est.ok || est.fit.status !== 'fits') break;
      out.push({ workload, layout, replicas, batchPerReplica: b });
    }
  }
  return out;
}

export interface OfflineChoice {
  candidate: OfflineCandidate;
  /** The predicted system throughput at that operating point. */
  prediction: Extract<Prediction, { ok: true }>;
  /** Candidates tried. */
  tried: number;
}

/**
 * Predict the throughput of every candidate in one batch and keep the highest. Null when nothing fits or no
 * prediction succeeds.
 */
export async function bestOffline(
  predictMany: (qs: readonly Query[]) => Promise<Prediction[]>,
  base: Omit<Query, 'workload' | 'metric'>,
  workload: Workload,
): Promise<OfflineChoice | null> {
  const candidates = offlineCandidates(workload, base.hw);
  if (candidates.length === 0) return null;
  const answers = await predictMany(
    candidates.map((c) => ({ ...base, workload: c.workload, metric: 'throughput' })),
  );
  let best: OfflineChoice | null = null;
  answers.forEach((a, i) => {
    if (a.ok && (best === null || a.value > best.prediction.value))
      best = { candidate: candidates[i]!, prediction: a, tried: candidates.length };
  });
  return best;
}
