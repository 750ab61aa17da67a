import { describe, expect, it } from 'vitest';
import type { EvidenceStat } from '../sql/accuracy.ts';
import { evidenceLevels, fmtPercent, lookupEvidenceAccuracy } from './evidence-accuracy.ts';
import {
  accuracyLinkSearch,
  hasAccuracyParams,
  readAccuracyParams,
  writeAccuracyParams,
} from './link-params.ts';

const stat = (evidence: string, n: number, mdape: number): EvidenceStat => ({
  evidence,
  n,
  mdape,
  within25: 40,
  coverage80: 88,
});
const STATS = [
  stat('transfer', 4000, 29.8),
  stat('transfer:runtime', 3000, 25.1),
  stat('transfer:runtime:near', 2000, 18.26),
  stat('transfer:runtime:far', 12, 60),
  stat('learned', 500, 73.3),
  stat('learned:prior', 300, 7.25),
  stat('roofline', 80, 120),
];

describe('evidenceLevels', () => {
  it('lists the level, then its parents', () => {
    expect(evidenceLevels('transfer:runtime:near')).toEqual([
      'transfer:runtime:near',
      'transfer:runtime',
      'transfer',
    ]);
    expect(evidenceLevels('roofline')).toEqual(['roofline']);
    expect(evidenceLevels('')).toEqual([]);
  });
});

describe('lookupEvidenceAccuracy', () => {
  it('answers a level with enough rows, with the sentence and the link', () => {
    expect(lookupEvidenceAccuracy('transfer:runtime:near', STATS)).toEqual({
      evidence: 'transfer:runtime:near',
      exact: true,
      n: 2000,
      mdape: 18.26,
      within25: 40,
      text: 'predictions like this one: median error 18% on unseen devices',
      href: '?page=accuracy&acc_evidence=transfer:runtime:near',
    });
    expect(lookupEvidenceAccuracy('learned:prior', STATS)?.text).toBe(
      'predictions like this one: median error 7.3% on unseen devices',
    );
  });

  it('falls back to the nearest parent when a level is thin or absent', () => {
    expect(lookupEvidenceAccuracy('transfer:runtime:far', STATS)).toMatchObject({
      evidence: 'transfer:runtime',
      exact: false,
      href: '?page=accuracy&acc_evidence=transfer:runtime',
    });
    expect(lookupEvidenceAccuracy('transfer:other:mid', STATS)?.evidence).toBe('transfer');
    expect(lookupEvidenceAccuracy('transfer:runtime:far', STATS, 10)?.evidence).toBe('transfer:runtime:far');
  });

  it('answers null without evidence or without any held-out level like it', () => {
    expect(lookupEvidenceAccuracy(undefined, STATS)).toBeNull();
    expect(lookupEvidenceAccuracy('', STATS)).toBeNull();
    expect(lookupEvidenceAccuracy('nearest', STATS)).toBeNull();
    expect(lookupEvidenceAccuracy('transfer:runtime:near', [])).toBeNull();
  });

  it('formats percentages for a sentence', () => {
    expect(fmtPercent(7.25)).toBe('7.3%');
    expect(fmtPercent(32.83)).toBe('33%');
    expect(fmtPercent(2366.45)).toBe('2,366%');
  });
});

describe('acc_ link parameters', () => {
  it('reads the filters, dropping values that are not ids', () => {
    expect(
      readAccuracyParams(
        '?page=accuracy&acc_source=timm&acc_evidence=transfer%3Aruntime&acc_metric=%3Cb%3E&x=1',
      ),
    ).toEqual({ source: 'timm', evidence: 'transfer:runtime' });
    expect(readAccuracyParams('')).toEqual({});
    expect(hasAccuracyParams('?page=accuracy&acc_kind=gpu')).toBe(true);
    expect(hasAccuracyParams('?page=accuracy')).toBe(false);
  });

  it('writes the filters, keeping every other parameter and dropping empty ones', () => {
    expect(
      writeAccuracyParams('?v=1&page=accuracy&acc_metric=ttft_ms&model=x', {
        kind: 'gpu',
        metric: '',
        evidence: 'learned:net',
      }),
    ).toBe('v=1&page=accuracy&model=x&acc_kind=gpu&acc_evidence=learned:net');
    expect(writeAccuracyParams('page=accuracy&acc_kind=gpu', {})).toBe('page=accuracy');
    expect(accuracyLinkSearch({ source: 'mlperf-inference-v5.1' })).toBe(
      'page=accuracy&acc_source=mlperf-inference-v5.1',
    );
  });

  it('round-trips', () => {
    const f = {
      source: 'a',
      metric: 'throughput',
      runtime: 'llama.cpp-cuda',
      kind: 'soc-gpu',
      evidence: 'transfer:other:far',
    };
    expect(readAccuracyParams(writeAccuracyParams('page=accuracy', f))).toEqual(f);
  });
});
