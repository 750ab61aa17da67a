/** MLPerf Inference v4.1 (MLCommons): system-level results and parsed LoadGen summaries. */
import type { MeasurementSource } from '../types.ts';
import { parseMlperfRound } from './mlperf-common.ts';

const DIR = 'mlperf-inference-v4.1';

/** MLPerf Inference v4.1 measurement source. */
export const source: MeasurementSource = {
  meta: {
    id: DIR,
    title: 'MLPerf Inference v4.1 results (MLCommons)',
    repository: 'https://github.com/mlcommons/inference_results_v4.1',
    paths: `${DIR}/summary_results.json|${DIR}/mlperf_log_summary_parsed.csv`,
    commit: '4a0c87411066bd697db46fa44cf6f04fd458f627',
    license: 'Apache-2.0',
  },
  parse: (rawRoot) => parseMlperfRound(rawRoot, { dir: DIR, date: '2024-08' }),
};
