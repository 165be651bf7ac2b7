import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.ts';
import { keys } from './keys.ts';
import { queryPartitionItems } from './query-all.ts';

type Item = Record<string, unknown>;

/** Every item of one partition (consistent), for exports and erasure. */
export const queryPartition = (pk: string): Promise<Item[]> => queryPartitionItems(pk);

/** A learner's enrolment records, found from their booking copies (BatchGet, 100 keys at a time). */
export async function enrolmentRecordsOf(learnerId: string, sessionIds: string[]): Promise<Item[]> {
  const out: Item[] = [];
  for (let i = 0; i < sessionIds.length; i += 100) {
    let request: Record<string, unknown>[] | undefined = sessionIds
      .slice(i, i + 100)
      .map((s) => ({ ...keys.session.enrolment(s, learnerId) }));
    for (let attempt = 0; request && request.length > 0 && attempt < 8; attempt++) {
      const r = await documentClient().send(
        new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: request, ConsistentRead: true } } }),
      );
      out.push(...(r.Responses?.[tableName()] ?? []));
      request = r.UnprocessedKeys?.[tableName()]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return out;
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
