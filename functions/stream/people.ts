import { getPerson } from '@parcours/store/person-repo';
import { mirrorPerson } from '../people/role-mirror.ts';
import type { ChangeRecord, Projection } from './projection.ts';

type Image = { userId?: string; username?: string; roles?: unknown; hrServices?: unknown; service?: unknown };

const scopeOf = (p: Image | undefined) =>
  JSON.stringify([p?.roles ?? [], p?.hrServices ?? [], p?.service ?? null]);

/**
 * The user pool mirrors each person's roles and scope (people/role-mirror.ts). Only a change of roles, HR services
 * or service (or the pool user name) calls the pool: a sign-in that refreshed a name does not. It mirrors the
 * person as stored now, not the record's image: records of one person may be handled while a newer change is
 * already committed (and mirrored by whoever made it), and an older image must never overwrite it.
 */
export const peopleProjection: Projection = {
  name: 'people-pool-mirror',
  entities: ['person'],
  async apply(record: ChangeRecord) {
    const before = record.oldImage as Image | undefined;
    const after = record.newImage as Image | undefined;
    const userId = after?.userId ?? before?.userId;
    if (!userId) return;
    if (after && before && scopeOf(after) === scopeOf(before) && after.username === before.username) return;
    const current = await getPerson(userId);
    const username = current?.username ?? after?.username ?? before?.username;
    if (username) await mirrorPerson(username, current);
  },
};
