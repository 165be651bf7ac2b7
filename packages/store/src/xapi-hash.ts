import { createHash } from 'node:crypto';

/**
 * Short, fixed-length stand-in for an unbounded value (an Activity IRI, an agent key) inside a key: IRIs can be longer
 * than a partition key may be (2 KB), and hashing keeps every index partition name the same size. 128 bits of SHA-256
 * make collisions a non-issue at any realistic volume.
 */
export function valueHash(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('base64url').slice(0, 22);
}
