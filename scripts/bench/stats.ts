/** Median, min and max of a sample, rounded to 0.1. */
export interface Summary {
  median: number;
  min: number;
  max: number;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

export function summarize(xs: readonly number[]): Summary {
  if (!xs.length) throw new Error('summarize: empty sample');
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median: round1(median), min: round1(s[0]!), max: round1(s[s.length - 1]!) };
}

export { round1 };
