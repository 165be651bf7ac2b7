import { queryAll, update } from './gateway.ts';
import { keys } from './keys.ts';

/** Joins a path (idempotent: the first join date is kept, it decides whether the learner is a newcomer). */
export async function joinPath(
  learnerId: string,
  pathId: string,
  now: string,
): Promise<{ joinedAt: string }> {
  const r = await update({
    Key: keys.user.pathMembership(learnerId, pathId),
    UpdateExpression:
      'SET joinedAt = if_not_exists(joinedAt, :now), entity = :e, learnerId = :l, pathId = :p',
    ExpressionAttributeValues: { ':now': now, ':e': 'path-membership', ':l': learnerId, ':p': pathId },
    ReturnValues: 'ALL_NEW',
  });
  return { joinedAt: String(r?.['joinedAt']) };
}

/** The paths a person joined, with when (one consistent Query of their partition's `path#` items). */
export async function listPathMemberships(
  learnerId: string,
): Promise<{ pathId: string; joinedAt: string }[]> {
  const items = await queryAll<{ pathId: string; joinedAt: string }>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.user.partition(learnerId), ':prefix': 'path#' },
    ProjectionExpression: 'pathId, joinedAt',
    ConsistentRead: true,
  });
  return items.map((i) => ({ pathId: i.pathId, joinedAt: i.joinedAt }));
}
