import { describe, expect, it } from 'vitest';
import { clearReadCaches, MicroCache, writtenPartitions } from '../../../packages/store/src/read-cache.ts';

describe('the read micro-cache', () => {
  it('shares one read among identical requests and reuses it within its lifetime only', async () => {
    const cache = new MicroCache<number>(1_000, (pk) => pk.startsWith('session#'));
    let reads = 0;
    const load = async () => ++reads;
    const [a, b] = await Promise.all([cache.get('k', load, 0), cache.get('k', load, 0)]);
    expect([a, b, reads]).toEqual([1, 1, 1]);
    expect(await cache.get('k', load, 999)).toBe(1);
    expect(await cache.get('k', load, 1_000)).toBe(2);
  });

  it('is emptied by a write to a partition it depends on, not by any other', async () => {
    const cache = new MicroCache<number>(60_000, (pk) => pk.startsWith('session#'));
    let reads = 0;
    const load = async () => ++reads;
    await cache.get('k', load, 0);
    clearReadCaches(writtenPartitions({ Item: { pk: 'xapi#statement#1', sk: 's' } }));
    expect(await cache.get('k', load, 1)).toBe(1);
    clearReadCaches(
      writtenPartitions({
        TransactItems: [
          { Put: { Item: { pk: 'user#a' } } },
          { Update: { Key: { pk: 'session#s1', sk: 'session' } } },
        ],
      }),
    );
    expect(await cache.get('k', load, 2)).toBe(2);
    clearReadCaches(
      writtenPartitions({ RequestItems: { t: [{ DeleteRequest: { Key: { pk: 'session#s2' } } }] } }),
    );
    expect(await cache.get('k', load, 3)).toBe(3);
  });

  it('never serves a failed read again', async () => {
    const cache = new MicroCache<number>(60_000, () => false);
    await expect(cache.get('k', async () => Promise.reject(new Error('down')), 0)).rejects.toThrow('down');
    expect(await cache.get('k', async () => 7, 1)).toBe(7);
  });
});
