import { nowIso } from '@parcours/domain/clock';
import { keys } from '@parcours/store';
import type { Entity } from '@parcours/store/entities';
import {
  enrolmentRecordsOf,
  partitionItems,
  personalItems,
  withoutStorageAttributes,
} from '@parcours/store/personal-data-repo';
import { queryIndex } from '@parcours/store/xapi-index';
import { readStatements } from '@parcours/store/xapi-statements';
import { agentKey, learnerAgent } from '@parcours/xapi';
import { agentHash } from '../lrs/statement-keys.ts';

const MAX_STATEMENTS = 10_000;

/** Items of the person's partition that are bookkeeping, not data about them (the enrolment lock's version). */
const NOT_EXPORTED: readonly Entity[] = ['lock'];
/**
 * Entities with their own heading in the export (bookings: as the enrolment records they copy); every other entity
 * of the person's partition is exported under `other`.
 */
const HEADINGS: readonly Entity[] = ['user-profile', 'path-membership', 'completion', 'booking'];

/**
 * Everything Parcours holds about one person (RGPD art. 15 and 20): profile and preferences, path memberships,
 * enrolments with their attendance, completions (the evidence of competencies), the links to their evaluation responses, the
 * notifications addressed to them, and every xAPI statement about them. Anonymous evaluation responses are not
 * linked to the person by design, so they cannot be exported as theirs.
 */
export async function exportPersonalData(userId: string) {
  const own = (await personalItems(userId)).filter((i) => !NOT_EXPORTED.includes(i['entity']));
  const byEntity = new Map<string, Record<string, unknown>[]>();
  for (const item of own) {
    const e = String(item['entity'] ?? 'other');
    byEntity.set(e, [...(byEntity.get(e) ?? []), withoutStorageAttributes(item)]);
  }
  const bookings = own.filter((i) => i['entity'] === 'booking');
  // In the order the sessions take place (a batch read returns them in no particular order).
  const enrolments = (
    await enrolmentRecordsOf(
      userId,
      bookings.map((b) => String(b['sessionId'])),
    )
  ).sort((a, b) =>
    `${a['sessionStart']}${a['sessionId']}`.localeCompare(`${b['sessionStart']}${b['sessionId']}`),
  );
  const notificationPartitions = [
    ...enrolments.map((e) =>
      keys.notification.subjectPartition({ type: 'enrolment', enrolmentId: String(e['id']) }),
    ),
    // Messages about the person rather than a session (the newcomer's catch-up plan).
    keys.notification.subjectPartition({ type: 'person', personId: userId }),
  ];
  const notifications = (await Promise.all(notificationPartitions.map((pk) => partitionItems(pk))))
    .flat()
    .map(withoutStorageAttributes);

  const statements: unknown[] = [];
  let next: Record<string, unknown> | undefined;
  do {
    const page = await queryIndex({
      kind: 'agent',
      value: agentHash(agentKey(learnerAgent(userId))),
      ascending: true,
      filters: {},
      pageSize: 200,
      ...(next ? { startKey: next } : {}),
    });
    const found = await readStatements(page.entries.map((e) => e.id));
    for (const e of page.entries) {
      const s = found.statements.get(e.id);
      if (s) statements.push(JSON.parse(s.statement.doc));
    }
    next = page.next;
  } while (next && statements.length < MAX_STATEMENTS);

  return {
    userId,
    exportedAt: nowIso(),
    profile: byEntity.get('user-profile')?.[0] ?? null,
    pathMemberships: byEntity.get('path-membership') ?? [],
    enrolments: enrolments.map(withoutStorageAttributes),
    completions: byEntity.get('completion') ?? [],
    other: Object.fromEntries([...byEntity].filter(([k]) => !(HEADINGS as readonly string[]).includes(k))),
    notifications,
    xapiStatements: statements,
  };
}
