/**
 * Five steps of blue for the heatmap cells, light to dark, each paired with a text colour of at least 4.5:1
 * (the value is always printed in the cell: colour only repeats it).
 */
export const HEAT_STEPS = [
  { max: 0.2, bg: '#f4f4fd', fg: '#161616' },
  { max: 0.4, bg: '#dcdcfb', fg: '#161616' },
  { max: 0.6, bg: '#b1b1f6', fg: '#161616' },
  { max: 0.8, bg: '#3b3bd6', fg: '#ffffff' },
  { max: 1.01, bg: '#000091', fg: '#ffffff' },
] as const;

export function heatStep(rate: number | null): { bg: string; fg: string } {
  if (rate === null) return { bg: '#eeeeee', fg: '#3a3a3a' };
  return HEAT_STEPS.find((s) => rate < s.max) ?? HEAT_STEPS[HEAT_STEPS.length - 1]!;
}
