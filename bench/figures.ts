export interface Figure {
  value: number;
  unit: string;
  /** Absent for a figure kept only to be read (lines per area), with no target of its own. */
  target?: number;
  better: 'lower' | 'higher';
}
export type Figures = Record<string, Figure>;

/** Median of a list of samples. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
