/**
 * JSON with object keys sorted, for "did this value change?" comparisons: DynamoDB maps do not keep key order, so
 * plain JSON of the same item read twice can differ.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
