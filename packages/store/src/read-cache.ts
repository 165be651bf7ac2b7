/**
 * A micro-cache for hot, shared reads (the session calendar everybody opens at once when registration opens):
 * identical requests in flight share one read, and an answer is reused for `ttlMs` at most. A write made through
 * this process's table client to a partition the cache depends on empties it (see client.ts), so a process never
 * serves what it just changed; another process (another Lambda) sees a change at most `ttlMs` late — a listing,
 * never a decision (enrolment and every write re-read what they decide on).
 */
export class MicroCache<V> {
  private readonly entries = new Map<string, { at: number; generation: number; value: Promise<V> }>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    /** Whether a write to the item with this partition key can change what is cached. */
    readonly dependsOn: (pk: string) => boolean,
    private readonly maxEntries = 200,
  ) {
    caches.add(this as MicroCache<unknown>);
  }

  get(key: string, load: () => Promise<V>, now = Date.now()): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && hit.generation === this.generation && now - hit.at < this.ttlMs) return hit.value;
    const generation = this.generation;
    const value = load();
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { at: now, generation, value });
    value.catch(() => this.entries.delete(key)); // a failed read is never served again
    return value;
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }
}

const caches = new Set<MicroCache<unknown>>();

/** Called with the partition keys of every write through the shared table client. */
export function clearReadCaches(partitionKeys: readonly string[]): void {
  for (const c of caches) if (partitionKeys.some(c.dependsOn)) c.clear();
}

type Keyed = { pk?: unknown } | undefined;
type WriteInput = {
  Item?: Keyed;
  Key?: Keyed;
  TransactItems?: {
    Put?: { Item?: Keyed };
    Update?: { Key?: Keyed };
    Delete?: { Key?: Keyed };
    ConditionCheck?: unknown;
  }[];
  RequestItems?: Record<string, { PutRequest?: { Item?: Keyed }; DeleteRequest?: { Key?: Keyed } }[]>;
};

/** The partition keys a write command touches (Put/Update/Delete, TransactWrite, BatchWrite). */
export function writtenPartitions(input: unknown): string[] {
  const i = (input ?? {}) as WriteInput;
  const keys: Keyed[] = [i.Item, i.Key];
  for (const t of i.TransactItems ?? []) keys.push(t.Put?.Item, t.Update?.Key, t.Delete?.Key);
  for (const reqs of Object.values(i.RequestItems ?? {}))
    for (const r of reqs) keys.push(r.PutRequest?.Item, r.DeleteRequest?.Key);
  return keys.map((k) => k?.pk).filter((pk): pk is string => typeof pk === 'string');
}
