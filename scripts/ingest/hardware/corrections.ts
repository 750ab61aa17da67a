/**
 * Recorded corrections to the catalog's dense peaks, each with its reason. The ingest fails on any cross-check
 * disagreement over 10% that is not corrected or waived here, and its report lists every entry.
 */
import type { PeakCorrection } from './peaks.ts';

export const PEAK_CORRECTIONS: readonly PeakCorrection[] = [
  {
    device: 'nvidia-v100-sxm2-16gb',
    field: 'fp16_tflops',
    waive: 'hw-specs-llm-viewer',
    reason:
      "LLM-Viewer's V100 row (112 TFLOPS) is the PCIe card's figure; the SXM2 part's datasheet figure is 125 TFLOPS (boost 1530 vs 1380 MHz)",
  },
  {
    device: 'amd-instinct-mi250x',
    field: 'int8_tops',
    waive: 'hw-specs-llm-analysis',
    reason:
      "llm-analysis gives 766 TOPS (2 × AMD's figure); AMD's MI250X datasheet states INT8 383 TOPS, the same as its FP16/BF16 matrix rate on CDNA2",
  },
];
