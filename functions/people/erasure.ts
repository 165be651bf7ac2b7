import { createHash } from 'node:crypto';
import { nowIso } from '@parcours/domain/clock';
import { conflict } from '@parcours/domain/errors';
import { pseudonymizeStatement } from '@parcours/domain/pseudonymize';
import { keys } from '@parcours/store';
import { ERASED_ENTITIES, isEntity } from '@parcours/store/entities';
import {
  beginErasure,
  deleteItems,
  erasureSubjectHash,
  finishErasure,
  partitionKeys,
  putPseudonymizedStatement,
} from '@parcours/store/erasure-repo';
import { deletePersonUnlessLab, storedAccess } from '@parcours/store/person-repo';
import { enrolmentRecordsOf, personalItems } from '@parcours/store/personal-data-repo';
import { queryIndex } from '@parcours/store/xapi-index';
import { readStatements } from '@parcours/store/xapi-statements';
import { type Agent, agentKey, learnerAgent, PARCOURS_HOME_PAGE } from '@parcours/xapi';
import { agentHash } from '../lrs/statement-keys.ts';
import { removeErasedAgent } from '../reports/recompute.ts';

export const PSEUDONYM_HOME_PAGE = `${PARCOURS_HOME_PAGE}/pseudonymes`;

/**
 * Items of the person's partition that identify them or link them to anonymous answers: those the entity registry
 * marks `person: 'delete'` (the profile, with contact data and preferences; the links to evaluation responses).
 */
const isErasedEntity = (e: unknown) => isEntity(e) && ERASED_ENTITIES.includes(e);

/** The erasure register's key for a person (a hash of the id; shared with the reports, which check it). */
export const subjectHash = erasureSubjectHash;

async function agentStatementIds(agent: Agent): Promise<string[]> {
  const ids: string[] = [];
  let next: Record<string, unknown> | undefined;
  do {
    const page = await queryIndex({
      kind: 'agent',
      value: agentHash(agentKey(agent)),
      ascending: true,
      filters: {},
      pageSize: 500,
      ...(next ? { startKey: next } : {}),
    });
    ids.push(...page.entries.map((e) => e.id));
    next = page.next;
  } while (next);
  return [...new Set(ids)];
}

/**
 * RGPD erasure (art. 17), run by the lab on a person's request. Idempotent: a retry resumes with the same pseudonym.
 * - contact data and preferences (profile), notifications addressed to them, links to their anonymous evaluations:
 *   deleted;
 * - xAPI statements about them: the person's agent is replaced by a random pseudonymous account everywhere in each
 *   statement, the statement is re-indexed, and the index partition of the erased agent is deleted, so a query for
 *   the person finds nothing while counts, other people's records and aggregates stay intact;
 * - HR reports: their report row and their lines in every listing are deleted (agents list, agent, exports), while
 *   what they contributed to the counters (services matrix, path completions) stays; the erasure record, written
 *   first, keeps the reports projection and the rebuild from writing their row again;
 * - enrolments, attendance and completions stay (they feed aggregates) under the opaque account id, which no longer
 *   leads to a person once the identity provider's account and the profile are gone (docs/data-protection.md);
 * - the erasure itself is recorded (who, when, counts) under a hash of the id, and audited.
 */
export async function erasePerson(userId: string, actorId: string, reason?: string) {
  // The lab's member count lives beside the person: erasing a member would leave it counting a ghost (and could
  // erase the last one). The lab revokes the role first, under the count's rule, then erases.
  if ((await storedAccess(userId))?.roles.includes('lab'))
    throw conflict('erase-lab-member', 'Revoke the lab role before erasing this person');
  const now = nowIso();
  const hash = subjectHash(userId);
  const record = await beginErasure(hash, actorId, now, reason);
  const pseudonym = { homePage: PSEUDONYM_HOME_PAGE, name: record.pseudonym };

  // HR reports first: from now on the erasure record stops the projection from writing the row again.
  const reportRows = (await removeErasedAgent(userId, now)) ? 1 : 0;

  const own = await personalItems(userId);
  const profile = own.find((i) => i['entity'] === 'user-profile');
  const email = typeof profile?.['email'] === 'string' ? profile['email'].toLowerCase() : undefined;
  const mboxes = email ? [`mailto:${email}`] : [];
  const mboxSha1sums = mboxes.map((m) => createHash('sha1').update(m).digest('hex'));

  // xAPI first: while the profile still exists a crash leaves a resumable state.
  const agents: Agent[] = [
    learnerAgent(userId),
    ...mboxes.map((m) => ({ objectType: 'Agent' as const, mbox: m })),
  ];
  let statements = 0;
  for (const agent of agents) {
    const ids = await agentStatementIds(agent);
    for (let i = 0; i < ids.length; i += 50) {
      const found = await readStatements(ids.slice(i, i + 50));
      for (const rec of found.statements.values()) {
        const item = rec.statement;
        const { result, changed } = pseudonymizeStatement(
          JSON.parse(item.doc),
          { accountHomePage: PARCOURS_HOME_PAGE, accountName: userId, mboxes, mboxSha1sums },
          pseudonym,
        );
        if (!changed) continue;
        await putPseudonymizedStatement(item, JSON.stringify(result));
        statements++;
      }
    }
    await deleteItems(await partitionKeys(keys.xapi.indexPartition('agent', agentHash(agentKey(agent)))));
  }

  const bookings = own.filter((i) => i['entity'] === 'booking');
  const enrolments = await enrolmentRecordsOf(
    userId,
    bookings.map((b) => String(b['sessionId'])),
  );
  let notifications = 0;
  for (const e of enrolments) {
    const items = await partitionKeys(
      keys.notification.subjectPartition({ type: 'enrolment', enrolmentId: String(e['id']) }),
    );
    notifications += await deleteItems(items);
  }
  // Messages about the person rather than a session (the newcomer's catch-up plan).
  notifications += await deleteItems(
    await partitionKeys(keys.notification.subjectPartition({ type: 'person', personId: userId })),
  );
  if (email) await deleteItems([{ ...keys.notification.suppression(email) }]);
  // The person record last, on its own and conditionally (person-repo.ts `deletePersonUnlessLab`).
  const personal = own.filter((i) => isErasedEntity(i['entity']) && i['entity'] !== 'person');
  const hadRecord = own.some((i) => i['entity'] === 'person');
  const deleted =
    (await deleteItems(personal.map((i) => ({ pk: String(i['pk']), sk: String(i['sk']) })))) +
    (hadRecord ? 1 : 0);
  if (hadRecord) await deletePersonUnlessLab(userId);

  const counts = {
    statementsPseudonymized: statements,
    notificationsDeleted: notifications,
    itemsDeleted: deleted,
    reportRowsDeleted: reportRows,
  };
  await finishErasure(hash, actorId, nowIso(), counts);
  return { erasureId: hash, status: 'done' as const, counts };
}
