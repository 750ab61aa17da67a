/** MLPerf Inference v5.1 (MLCommons): system-level results and parsed LoadGen summaries. */
import type { MeasurementSource } from '../types.ts';
import { parseMlperfRound } from './mlperf-common.ts';

const DIR = 'mlperf-inference-v5.1';

/** MLPerf Inference v5.1 measurement source. */
export const source: MeasurementSource = {
  meta: {
    id: DIR,
    title: 'MLPerf Inference v5.1 results (MLCommons)',
    repository: 'https://github.com/mlcommons/inference_results_v5.1',
    paths: `${DIR}/summary_results.json|${DIR}/mlperf_log_summary_parsed.csv`,
    commit: '965182b03376a00fcae415c54e560e1c83937932',
    license: 'Apache-2.0 (LICENSE on the gh-pages branch; none on main at this commit)',
  },
  parse: (rawRoot) => parseMlperfRound(rawRoot, { dir: DIR, date: '2025-09' }),
};
