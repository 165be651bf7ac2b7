import { batchGet, type Item, queryPartition } from './gateway.ts';
import { keys } from './keys.ts';

/**
 * Reads for the RGPD export and erasure (docs/data-protection.md). Each read is complete or throws: a person's
 * export must never silently miss items because the table throttled.
 */

/** Every item of one partition (strongly consistent). */
export function partitionItems(pk: string): Promise<Item[]> {
  return queryPartition(pk);
}

/** Every item of the person's own partition (`user#<id>`), strongly consistent. */
export function personalItems(userId: string): Promise<Item[]> {
  return queryPartition(keys.user.partition(userId));
}

/** A learner's enrolment records, found from their booking copies (strongly consistent BatchGet). */
export function enrolmentRecordsOf(learnerId: string, sessionIds: readonly string[]): Promise<Item[]> {
  return batchGet(
    sessionIds.map((s) => keys.session.enrolment(s, learnerId)),
    { consistent: true },
  );
}

/** Index and storage attributes are implementation details, not the person's data. */
export function withoutStorageAttributes(item: Item): Item {
  const {
    pk: _pk,
    sk: _sk,
    gsi1pk: _a,
    gsi1sk: _b,
    gsi2pk: _c,
    gsi2sk: _d,
    gsi3pk: _e,
    gsi3sk: _f,
    expiresAt: _g,
    ...rest
  } = item;
  return rest;
}
