/**
 * Every kind of item the table holds, with what the rest of the system must do with it. Each item stores its
 * `entity` (ElectroDB's rule); this registry is the one list of them. The stream projections, the audit log, the
 * RGPD export and erasure read their lists from here, so adding an entity means answering these questions once,
 * and a typo in a projection's list is a type error.
 *
 * - `audited`: administrative changes the audit log records (who changed a session, a credential, a sign-off).
 * - `person`: what RGPD erasure does with the item when it sits in the person's own partition (`user#<id>`):
 *   `delete` (it identifies them or links them to anonymous answers), `keep` (history the programme must keep, with
 *   the person's id pseudonymised elsewhere), or `n/a` (never in a person's partition).
 */
export type ErasureRule = 'delete' | 'keep' | 'n/a';

interface EntityPolicy {
  audited: boolean;
  person: ErasureRule;
}

const policy = (audited: boolean, person: ErasureRule): EntityPolicy => ({ audited, person });

export const ENTITIES = {
  // The programme's data, edited by the lab (content/ only seeds an empty table): programme-repo.ts
  module: policy(true, 'n/a'),
  path: policy(true, 'n/a'),
  site: policy(true, 'n/a'),
  competency: policy(true, 'n/a'),
  service: policy(true, 'n/a'),
  'programme-settings': policy(true, 'n/a'),
  'catalog-revision': policy(false, 'n/a'),
  'catalog-change': policy(false, 'n/a'),
  // Sessions and their agendas
  session: policy(true, 'n/a'),
  'schedule-lock': policy(false, 'n/a'),
  facilitation: policy(false, 'n/a'),
  'room-booking': policy(false, 'n/a'),
  'staffing-override': policy(true, 'n/a'),
  'idempotency-record': policy(false, 'n/a'),
  // Enrolment engine
  enrolment: policy(false, 'n/a'),
  'waitlist-entry': policy(false, 'n/a'),
  'ticket-counter': policy(false, 'n/a'),
  lock: policy(false, 'keep'),
  booking: policy(false, 'keep'),
  completion: policy(false, 'keep'),
  'path-membership': policy(false, 'keep'),
  'attendance-import': policy(false, 'n/a'),
  // People
  'user-profile': policy(false, 'delete'),
  // Identity, service and the roles the lab grants (audited: a role given or taken is an administrative act).
  person: policy(true, 'delete'),
  'role-count': policy(false, 'n/a'),
  'email-suppression': policy(false, 'n/a'),
  // Evaluations (answers are anonymous; the links between a person and them are personal)
  'evaluation-window': policy(false, 'n/a'),
  'evaluation-response': policy(false, 'n/a'),
  'evaluation-link': policy(false, 'delete'),
  // Trainers and the transfer
  trainer: policy(true, 'n/a'),
  'sign-off': policy(true, 'n/a'),
  'delivered-facilitation': policy(false, 'n/a'),
  'delivery-fact': policy(false, 'n/a'),
  'transfer-aggregate': policy(false, 'n/a'),
  'transfer-applied': policy(false, 'n/a'),
  'ladder-snapshot': policy(false, 'n/a'),
  // Notifications
  notification: policy(false, 'n/a'),
  // HR reports (read models)
  'report-agent': policy(false, 'n/a'),
  'report-block': policy(false, 'n/a'),
  'report-counter': policy(false, 'n/a'),
  'report-marker': policy(false, 'n/a'),
  'report-hr-summary': policy(false, 'n/a'),
  'report-export': policy(false, 'n/a'),
  'report-export-chunk': policy(false, 'n/a'),
  // Data protection and audit
  erasure: policy(true, 'n/a'),
  'audit-entry': policy(false, 'n/a'),
  // LRS
  'lrs-client': policy(true, 'n/a'),
  'xapi-statement': policy(false, 'n/a'),
  'xapi-voided-by': policy(false, 'n/a'),
  'xapi-index': policy(false, 'n/a'),
  'xapi-index-record': policy(false, 'n/a'),
  'xapi-referrer': policy(false, 'n/a'),
  'xapi-activity': policy(false, 'n/a'),
  'xapi-document': policy(false, 'n/a'),
  'xapi-blob': policy(false, 'n/a'),
  'xapi-blob-chunk': policy(false, 'n/a'),
} as const satisfies Record<string, EntityPolicy>;

export type Entity = keyof typeof ENTITIES;

export function isEntity(value: unknown): value is Entity {
  return typeof value === 'string' && Object.hasOwn(ENTITIES, value);
}

const where = (keep: (p: EntityPolicy) => boolean): readonly Entity[] =>
  (Object.keys(ENTITIES) as Entity[]).filter((e) => keep(ENTITIES[e]));

/** Entities whose changes the audit log records. */
export const AUDITED_ENTITIES: readonly Entity[] = where((p) => p.audited);

/** Entities deleted from a person's partition by an erasure. */
export const ERASED_ENTITIES: readonly Entity[] = where((p) => p.person === 'delete');
