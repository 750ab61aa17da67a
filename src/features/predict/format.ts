/** Display of predicted values on the Predict page. */
export const fmt = (v: number): string =>
  v >= 1000
    ? Math.round(v).toLocaleString('en-US')
    : v >= 10
      ? v.toFixed(1)
      : v >= 0.1
        ? v.toFixed(2)
        : v.toPrecision(2);
