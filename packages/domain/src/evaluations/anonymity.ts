import type { Counters } from '../transfer/aggregates.ts';

/**
 * Satisfaction aggregates as shown (docs/transfer.md, "Anonymity"): an aggregate of fewer than `minShown` responses
 * is not shown, and says so (without its count, which alone could point at someone).
 */
export type SatisfactionView =
  | {
      key: string;
      hidden: false;
      responses: number;
      overall: { mean: number; distribution: number[] };
      recommendRate: number;
      objectives?: { mean: number }[];
      facilitatorRating?: { mean: number; ratings: number };
    }
  | { key: string; hidden: true; reason: 'too-few-responses'; minResponses: number };

const r2 = (x: number) => Math.round(x * 100) / 100;

export function presentSatisfaction(
  key: string,
  c: Counters | undefined,
  minShown: number,
): SatisfactionView {
  const n = c?.['n'] ?? 0;
  if (!c || n < minShown) return { key, hidden: true, reason: 'too-few-responses', minResponses: minShown };
  const objectives: { mean: number }[] = [];
  for (let i = 0; c[`obj${i}N`] !== undefined; i++) {
    const on = c[`obj${i}N`] ?? 0;
    if (on > 0) objectives.push({ mean: r2((c[`obj${i}Sum`] ?? 0) / on) });
  }
  const facN = c['facN'] ?? 0;
  const hasHistogram =
    c['h1'] !== undefined ||
    c['h2'] !== undefined ||
    c['h3'] !== undefined ||
    c['h4'] !== undefined ||
    c['h5'] !== undefined;
  return {
    key,
    hidden: false,
    responses: n,
    overall: {
      mean: r2((c['overallSum'] ?? 0) / n),
      distribution: hasHistogram ? [1, 2, 3, 4, 5].map((v) => c[`h${v}`] ?? 0) : [],
    },
    recommendRate: r2((c['recommend'] ?? 0) / n),
    ...(objectives.length ? { objectives } : {}),
    // A trainer's own rating is shown only from the same threshold of ratings.
    ...(facN >= minShown
      ? { facilitatorRating: { mean: r2((c['facSum'] ?? 0) / facN), ratings: facN } }
      : {}),
  };
}
