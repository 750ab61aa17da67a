import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAB_MODELS, labCost, type LabModel } from '../../core/lab/lab-models.ts';
import type { RunTiming } from '../../core/lab/types.ts';
import { buildLabGraph } from './lab-graphs.ts';
import { runPlan } from './run-core.ts';

const tiny: LabModel[] = [
  {
    id: 'lab-cnn-small',
    name: 'tiny cnn',
    config: { kind: 'cnn', image: 16, channels: [4, 8], classes: 3 },
    batches: [1, 2],
  },
  {
    id: 'lab-encoder-block',
    name: 'tiny encoder',
    config: { kind: 'encoder', seq: 8, hidden: 16, heads: 4, ffn: 32 },
    batches: [1, 3],
  },
];

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('lab graphs', () => {
  it.each(LAB_MODELS.map((m) => [m.id, m] as const))('%s has the parameters lab-models.ts counts', (_, m) => {
    const g = buildLabGraph(tf, m);
    expect(g.params).toBe(labCost(m).params);
    g.dispose();
  });

  it('computes the shapes of a forward pass and frees its intermediates', () => {
    const before = tf.memory().numTensors;
    for (const m of tiny) {
      const g = buildLabGraph(tf, m);
      const x = g.input(2);
      const y = g.forward(x);
      expect(y.shape).toEqual(m.config.kind === 'cnn' ? [2, 3] : [2, 8, 16]);
      expect(Array.from(y.dataSync()).every(Number.isFinite)).toBe(true);
      tf.dispose([x, y]);
      g.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('runPlan', () => {
  it('times every batch, reports progress and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const timings: RunTiming[] = [];
    const errors: string[] = [];
    const fractions: number[] = [];
    const { outOfTime } = await runPlan(
      tf,
      { backend: 'cpu', models: tiny, budgetMs: 20_000 },
      { progress: (_, f) => fractions.push(f), timing: (t) => timings.push(t), error: (m) => errors.push(m) },
    );
    expect(errors).toEqual([]);
    expect(outOfTime).toBe(false);
    expect(timings.map((t) => `${t.modelId}@${t.batch}`)).toEqual([
      'lab-cnn-small@1',
      'lab-cnn-small@2',
      'lab-encoder-block@1',
      'lab-encoder-block@3',
    ]);
    for (const t of timings) {
      expect(t.backend).toBe('cpu');
      expect(t.reps).toBeGreaterThanOrEqual(1);
      expect(t.reps).toBeLessThanOrEqual(5);
      expect(t.bestMs).toBeGreaterThan(0);
      expect(t.medianMs).toBeGreaterThanOrEqual(t.bestMs);
      expect(t.firstMs).toBeGreaterThan(0);
    }
    expect(fractions.at(-1)).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops at the budget and says which batches were not run', async () => {
    const timings: RunTiming[] = [];
    const errors: string[] = [];
    const { outOfTime } = await runPlan(
      tf,
      { backend: 'cpu', models: tiny, budgetMs: 0 },
      { progress: () => {}, timing: (t) => timings.push(t), error: (m) => errors.push(m) },
    );
    expect(outOfTime).toBe(true);
    expect(timings).toEqual([]);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/lab-cnn-small: not run, the time budget/);
  });

  it('reports a model that cannot be built and goes on', async () => {
    const bad: LabModel = {
      id: 'bad',
      name: 'bad',
      config: { kind: 'encoder', seq: 4, hidden: 10, heads: 3, ffn: 8 },
      batches: [1],
    };
    const errors: string[] = [];
    const timings: RunTiming[] = [];
    await runPlan(
      tf,
      { backend: 'cpu', models: [bad, tiny[0]!], budgetMs: 10_000 },
      { progress: () => {}, timing: (t) => timings.push(t), error: (m) => errors.push(m) },
    );
    expect(errors).toEqual(['bad: could not be built on cpu: hidden 10 is not divisible by 3 heads']);
    expect(timings).toHaveLength(2);
  });
});
