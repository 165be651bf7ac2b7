import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keptAccessKey } from '../../../packages/local/src/local-env.ts';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'parcours-key-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the per-machine DynamoDB Local key', () => {
  it('is created once, random, readable by its owner only, and the same at every start', () => {
    const a = fresh();
    const key = keptAccessKey(a);
    expect(key).toMatch(/^local[0-9a-f]{24}$/);
    expect(statSync(join(a, 'dynamodb-access-key')).mode & 0o777).toBe(0o600);
    expect(keptAccessKey(a)).toBe(key);
    expect(keptAccessKey(fresh())).not.toBe(key);
  });

  it('adopts the database written under the old fixed key, so nobody loses their data', () => {
    const d = fresh();
    mkdirSync(join(d, 'dynamodb'));
    writeFileSync(join(d, 'dynamodb', 'parcourslocal_eu-west-3.db'), 'data');
    const key = keptAccessKey(d);
    expect(readdirSync(join(d, 'dynamodb'))).toEqual([`${key}_eu-west-3.db`]);
  });
});
