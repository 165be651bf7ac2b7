/** Tiny scale helpers for the hand-made SVG charts. */
export function linear(domain: [number, number], range: [number, number]): (x: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (x) => r0 + (x - d0) * k;
}

/** About `count` round ticks from 0 to at least `max` (1, 2, 5 × 10ⁿ steps; whole numbers for counts). */
export function niceTicks(max: number, count = 5, integer = true): number[] {
  if (max <= 0) return [0, 1];
  const raw = integer ? Math.max(1, max / count) : max / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

/** Shows every n-th label so that at most `max` labels fit along an axis. */
export function labelEvery(n: number, max: number): number {
  return Math.max(1, Math.ceil(n / max));
}

/** Shortens a label drawn in a chart (the full text is in the data table next to it). */
export function shorten(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}
