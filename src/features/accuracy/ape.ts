/** |predicted − truth| / truth in %, or null without a prediction. */
export const apeOf = (predicted: number | null, truth: number): number | null =>
  predicted === null ? null : (Math.abs(predicted - truth) / truth) * 100;
