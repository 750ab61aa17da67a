/** Evaluation splits: random rows, and groups held out whole (hardware, model family, source). */
import type { Observation } from '../core/predict/observation.ts';
import { rng } from './dataset.ts';

export type SplitName = 'random' | 'hardware' | 'family' | 'source';

export interface Fold {
  name: string;
  test: number[];
}

/** Assign groups to k folds by a seeded shuffle; every group lands in exactly one fold. */
function groupFolds(
  obs: readonly Observation[],
  groupOf: (o: Observation) => string,
  k: number,
  seed: number,
): Fold[] {
  const groups = [...new Set(obs.map(groupOf))].sort();
  const random = rng(seed);
  const order = groups.map((g) => ({ g, r: random() })).sort((a, b) => a.r - b.r);
  const foldOf = new Map(order.map(({ g }, i) => [g, i % Math.min(k, groups.length)]));
  const folds: Fold[] = Array.from({ length: Math.min(k, groups.length) }, () => ({ name: '', test: [] }));
  obs.forEach((o, i) => folds[foldOf.get(groupOf(o))!]!.test.push(i));
  folds.forEach((f, i) => {
    const names = order.filter(({ g }) => foldOf.get(g) === i).map(({ g }) => g);
    f.name = names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} +${names.length - 3}`;
  });
  return folds.filter((f) => f.test.length > 0);
}

export function makeFolds(split: SplitName, obs: readonly Observation[], k: number, seed: number): Fold[] {
  switch (split) {
    case 'random': {
      const random = rng(seed);
      const folds: Fold[] = Array.from({ length: k }, (_, i) => ({ name: `random ${i + 1}/${k}`, test: [] }));
      obs.forEach((_, i) => folds[Math.floor(random() * k)]!.test.push(i));
      return folds;
    }
    case 'hardware':
      return groupFolds(obs, (o) => o.hw.id, k, seed);
    case 'family':
      return groupFolds(obs, (o) => o.model.family || o.model.id, k, seed);
    case 'source':
      return groupFolds(obs, (o) => o.row.source_id, Number.MAX_SAFE_INTEGER, seed);
  }
}
