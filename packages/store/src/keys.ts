/**
 * Every key the application writes is built here, and only here.
 *
 * Conventions (see docs/architecture.md, "Key design"):
 * - key parts are labelled `label#value` and joined with `#`, so a key reads like `session#s-123#enrolment#e-456`;
 * - keys are built from immutable identifiers only (ids, creation timestamps), never from mutable attributes such
 *   as a title, a status or a session's start time (those live in GSI keys that are rewritten with the item);
 * - every item also stores `entity` so a stream consumer or a rebuild can dispatch on it.
 */
import type { CatalogKind } from '@parcours/domain/content/programme';

export type KeyPart = readonly [label: string, value: string | number];

export function composeKey(...parts: KeyPart[]): string {
  return parts.map(([label, value]) => `${label}#${value}`).join('#');
}

/** Fixed-width, lexicographically sortable integers for sort keys (e.g. waitlist sequence numbers). */
export function sortableNumber(n: number, width = 10): string {
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`sortableNumber expects a non-negative integer, got ${n}`);
  return String(n).padStart(width, '0');
}

export interface ItemKey {
  pk: string;
  sk: string;
}

export const keys = {
  people: {
    /** GSI1 of person items: every person, by the name the lab looks for (a mutable attribute: index keys only). */
    index: 'people',
    sortKey: (sortName: string, userId: string) => composeKey(['name', sortName], ['user', userId]),
    /** How many people hold a role (`lab`): kept in the role change's transaction, so the last one stays. */
    roleCount: (role: string): ItemKey => ({ pk: 'people', sk: composeKey(['role-count', role]) }),
  },
  catalog: {
    /**
     * All programme data shares one partition: the catalogue and its settings are small (~100 KB) and read together,
     * in one Query, whenever the revision counter moves (programme-repo.ts).
     */
    partition: 'catalog',
    item: (kind: CatalogKind, id: string): ItemKey => ({ pk: 'catalog', sk: composeKey([kind, id]) }),
    module: (id: string): ItemKey => keys.catalog.item('module', id),
    path: (id: string): ItemKey => keys.catalog.item('path', id),
    site: (id: string): ItemKey => keys.catalog.item('site', id),
    competency: (id: string): ItemKey => keys.catalog.item('competency', id),
    service: (id: string): ItemKey => keys.catalog.item('service', id),
    /** One settings document (transfer, ladders, evaluation, notifications, reports, emails). */
    settings: (part: string): ItemKey => ({ pk: 'catalog', sk: composeKey(['settings', part]) }),
    /** The counter every programme write bumps in its transaction: readers reload when it moved. */
    revision: { pk: 'catalog', sk: 'revision' } as ItemKey,
    /** An item's change history, oldest first: `catalog-history#module#id#<id>` / `version#0000000003`. */
    historyPartition: (kind: CatalogKind, id: string) => composeKey(['catalog-history', kind], ['id', id]),
    historyEntry: (kind: CatalogKind, id: string, version: number): ItemKey => ({
      pk: keys.catalog.historyPartition(kind, id),
      sk: composeKey(['version', sortableNumber(version)]),
    }),
  },
  user: {
    partition: (userId: string) => composeKey(['user', userId]),
    profile: (userId: string): ItemKey => ({ pk: composeKey(['user', userId]), sk: 'profile' }),
    /** Who the person is and the roles the lab gave them (person-repo.ts): the truth the user pool mirrors. */
    person: (userId: string): ItemKey => ({ pk: composeKey(['user', userId]), sk: 'person' }),
    /** Version counter serialising one learner's enrolment decisions (overlap, one active per module). */
    enrolmentLock: (userId: string): ItemKey => ({ pk: composeKey(['user', userId]), sk: 'lock#enrolment' }),
    /** The learner's copy of an enrolment, kept in the same transaction, so "my enrolments" is one Query. */
    booking: (userId: string, sessionId: string): ItemKey => ({
      pk: composeKey(['user', userId]),
      sk: composeKey(['booking', sessionId]),
    }),
    completion: (userId: string, moduleId: string): ItemKey => ({
      pk: composeKey(['user', userId]),
      sk: composeKey(['completion', moduleId]),
    }),
    pathMembership: (userId: string, pathId: string): ItemKey => ({
      pk: composeKey(['user', userId]),
      sk: composeKey(['path', pathId]),
    }),
    prefix: { booking: 'booking#', completion: 'completion#', path: 'path#' },
  },
  session: {
    item: (sessionId: string): ItemKey => ({ pk: composeKey(['session', sessionId]), sk: 'session' }),
    partition: (sessionId: string) => composeKey(['session', sessionId]),
    /** Every session partition starts so (item, enrolments, waitlist): what a calendar cache depends on. */
    partitionPrefix: composeKey(['session', '']),
    /** Arrival tickets for enrolment requests: an atomic counter outside transactions, so it never conflicts. */
    ticketCounter: (sessionId: string): ItemKey => ({
      pk: composeKey(['session', sessionId]),
      sk: 'ticket-counter',
    }),
    enrolment: (sessionId: string, learnerId: string): ItemKey => ({
      pk: composeKey(['session', sessionId]),
      sk: composeKey(['enrolment', learnerId]),
    }),
    /** Waitlist entries sort by arrival ticket: a strongly consistent Query gives the FIFO order. */
    waitlistEntry: (sessionId: string, ticket: number): ItemKey => ({
      pk: composeKey(['session', sessionId]),
      sk: composeKey(['waitlist', sortableNumber(ticket, 12)]),
    }),
    prefix: { enrolment: 'enrolment#', waitlist: 'waitlist#' },
    /** GSI keys of the session item: rewritten with the item when it moves (start is mutable, ids are not). */
    byModule: (moduleId: string, start: string, sessionId: string) => ({
      gsi1pk: composeKey(['module', moduleId], ['sessions', 'all']),
      gsi1sk: `${start}#${sessionId}`,
    }),
    bySite: (siteId: string, start: string, sessionId: string) => ({
      gsi2pk: composeKey(['site', siteId], ['sessions', 'all']),
      gsi2sk: `${start}#${sessionId}`,
    }),
    byMonth: (start: string, sessionId: string) => ({
      gsi3pk: composeKey(['sessions', start.slice(0, 7)]),
      gsi3sk: `${start}#${sessionId}`,
    }),
    moduleIndexPk: (moduleId: string) => composeKey(['module', moduleId], ['sessions', 'all']),
    siteIndexPk: (siteId: string) => composeKey(['site', siteId], ['sessions', 'all']),
    monthIndexPk: (month: string) => composeKey(['sessions', month]),
  },
  enrolment: {
    /** GSI1 on the enrolment item: find an enrolment by its id (the xAPI registration UUID). */
    byId: (enrolmentId: string) => ({ gsi1pk: composeKey(['enrolment', enrolmentId]), gsi1sk: 'enrolment' }),
  },
  trainer: {
    partition: (trainerId: string) => composeKey(['trainer', trainerId]),
    scheduleLock: (trainerId: string): ItemKey => ({
      pk: composeKey(['trainer', trainerId]),
      sk: 'lock#schedule',
    }),
    facilitation: (trainerId: string, sessionId: string): ItemKey => ({
      pk: composeKey(['trainer', trainerId]),
      sk: composeKey(['facilitation', sessionId]),
    }),
    prefix: { facilitation: 'facilitation#' },
  },
  room: {
    partition: (siteId: string, roomId: string) => composeKey(['room', siteId], ['name', roomId]),
    scheduleLock: (siteId: string, roomId: string): ItemKey => ({
      pk: composeKey(['room', siteId], ['name', roomId]),
      sk: 'lock#schedule',
    }),
    booking: (siteId: string, roomId: string, sessionId: string): ItemKey => ({
      pk: composeKey(['room', siteId], ['name', roomId]),
      sk: composeKey(['booking', sessionId]),
    }),
    prefix: { booking: 'booking#' },
  },
  idempotency: {
    /**
     * The record of one `Idempotency-Key`, scoped to the operation and the caller (a key is only meaningful to the
     * client that chose it). Expires through the table's TTL.
     */
    record: (operation: string, userId: string, key: string): ItemKey => ({
      pk: composeKey(['idem', operation], ['user', userId], ['key', key]),
      sk: 'idem',
    }),
  },
  notification: {
    /**
     * A notification lives in its subject's partition (one learner's enrolment, or one session's facilitators), so
     * "every message about this enrolment" is one strongly consistent Query when a change cancels or re-times them.
     */
    subjectPartition: (subject: NotificationSubjectKey): string => {
      switch (subject.type) {
        case 'enrolment':
          return composeKey(['enrolment', subject.enrolmentId], ['notifications', 'all']);
        case 'session-trainers':
          return composeKey(['session', subject.sessionId], ['notifications', 'trainers']);
        case 'person':
          // Not the person's own partition (`user#…`): erasure deletes this one whole, and a person may be an HR
          // recipient of content/reports.json without any account.
          return composeKey(['person', subject.personId], ['notifications', 'all']);
      }
    },
    item: (subject: NotificationSubjectKey, id: string): ItemKey => ({
      pk: keys.notification.subjectPartition(subject),
      sk: composeKey(['notification', id]),
    }),
    prefix: 'notification#',
    /**
     * GSI1, sparse: open notifications (pending, sending) by the time of their next action (due time, or lease
     * expiry while sending), write-sharded over `shard` partitions; the tick queries each with `gsi1sk <= now`.
     * Finished notifications drop these attributes and leave the index.
     */
    due: (shard: number, at: string, id: string) => ({
      gsi1pk: composeKey(['notifications', 'due'], ['shard', shard]),
      gsi1sk: `${at}#${id}`,
    }),
    duePartition: (shard: number) => composeKey(['notifications', 'due'], ['shard', shard]),
    /** GSI2, sparse: failed notifications by failure time, for the lab's list (low volume: one partition). */
    failed: (failedAt: string, id: string) => ({
      gsi2pk: composeKey(['notifications', 'failed']),
      gsi2sk: `${failedAt}#${id}`,
    }),
    failedPartition: composeKey(['notifications', 'failed']),
    /** An address SES reported as bouncing or complaining (fed by the bounce handler, see docs/notifications.md). */
    suppression: (email: string): ItemKey => ({
      pk: composeKey(['email-suppression', email.trim().toLowerCase()]),
      sk: 'suppression',
    }),
  },
  // --- xAPI LRS (docs/xapi-lrs.md, "Key design") ---
  xapi: {
    /** Everything about one Statement lives in its partition: the Statement, its voiding marker, its referrers. */
    statementPartition: (id: string) => composeKey(['xstmt', id.toLowerCase()]),
    statement: (id: string): ItemKey => ({ pk: composeKey(['xstmt', id.toLowerCase()]), sk: 'statement' }),
    /** Written with a voiding Statement, even before its target arrives (the target is voided from then on). */
    voidedBy: (targetId: string): ItemKey => ({
      pk: composeKey(['xstmt', targetId.toLowerCase()]),
      sk: 'voided-by',
    }),
    /** The projection's record of the filter keys a Statement matches (its own, plus those of its StatementRef). */
    indexRecord: (id: string): ItemKey => ({ pk: composeKey(['xstmt', id.toLowerCase()]), sk: 'index' }),
    /** A Statement whose Object is a StatementRef to `targetId`: re-indexed when the target's keys change. */
    referrer: (targetId: string, referrerId: string): ItemKey => ({
      pk: composeKey(['xstmt', targetId.toLowerCase()]),
      sk: composeKey(['referrer', referrerId.toLowerCase()]),
    }),
    prefix: { referrer: 'referrer#', document: 'doc#' },
    /** Sort key of every Statement index: `stored` order, then the position in its batch, then the id. */
    order: (stored: string, seq: number, id: string) =>
      `${stored}#${sortableNumber(seq, 4)}#${id.toLowerCase()}`,
    /**
     * GSI1, sparse: Statements not yet indexed by the stream projection, write-sharded. The oldest one bounds
     * X-Experience-API-Consistent-Through; the projection removes the attributes once the Statement is indexed.
     */
    unindexed: (shard: number, order: string) => ({
      gsi1pk: composeKey(['xapi-unindexed', shard]),
      gsi1sk: order,
    }),
    unindexedPartition: (shard: number) => composeKey(['xapi-unindexed', shard]),
    /** One index entry per (filter kind, value, Statement); `valueHash` keeps long IRIs out of the key. */
    indexPartition: (kind: string, valueHash: string) => composeKey(['xidx', kind], ['v', valueHash]),
    indexEntry: (kind: string, valueHash: string, order: string): ItemKey => ({
      pk: composeKey(['xidx', kind], ['v', valueHash]),
      sk: order,
    }),
    /** Content-addressed binary data (attachments, large documents), chunked under the 400 KB item limit. */
    blobPartition: (sha: string) => composeKey(['xblob', sha.toLowerCase()]),
    blobMeta: (sha: string): ItemKey => ({ pk: composeKey(['xblob', sha.toLowerCase()]), sk: 'meta' }),
    blobChunk: (sha: string, n: number): ItemKey => ({
      pk: composeKey(['xblob', sha.toLowerCase()]),
      sk: composeKey(['chunk', sortableNumber(n, 5)]),
    }),
    /** State documents of one (Activity, Agent): one partition, registration then stateId in the sort key. */
    statePartition: (activityHash: string, agentHash: string) =>
      composeKey(['xstate', activityHash], ['agent', agentHash]),
    stateDocument: (
      activityHash: string,
      agentHash: string,
      registration: string | undefined,
      docId: string,
    ): ItemKey => ({
      pk: composeKey(['xstate', activityHash], ['agent', agentHash]),
      sk: composeKey(['reg', registration?.toLowerCase() ?? '-'], ['doc', docId]),
    }),
    /** Documents of one registration, or of every registration (and none) when it is not given. */
    statePrefix: (registration: string | undefined) =>
      registration === undefined ? 'reg#' : `${composeKey(['reg', registration.toLowerCase()])}#doc#`,
    activityProfilePartition: (activityHash: string) => composeKey(['xaprofile', activityHash]),
    activityProfile: (activityHash: string, docId: string): ItemKey => ({
      pk: composeKey(['xaprofile', activityHash]),
      sk: composeKey(['doc', docId]),
    }),
    agentProfilePartition: (agentHash: string) => composeKey(['xgprofile', agentHash]),
    agentProfile: (agentHash: string, docId: string): ItemKey => ({
      pk: composeKey(['xgprofile', agentHash]),
      sk: composeKey(['doc', docId]),
    }),
    /** The LRS's canonical Activity definition (Activities resource, format=canonical). */
    activity: (activityHash: string): ItemKey => ({
      pk: composeKey(['xactivity', activityHash]),
      sk: 'activity',
    }),
  },
  // --- LRS client credentials (issue 8) ---
  lrsClient: {
    item: (key: string): ItemKey => ({ pk: composeKey(['lrs-client', key]), sk: 'client' }),
    /** GSI1: every credential by creation time, for the lab's list (low volume: one partition). */
    listed: (createdAt: string, key: string) => ({ gsi1pk: 'lrs-clients', gsi1sk: `${createdAt}#${key}` }),
    listPartition: 'lrs-clients',
  },
  erasure: {
    /** Keyed by a hash of the erased id: the register proves the erasure without keeping who it was about. */
    record: (subjectHash: string): ItemKey => ({ pk: composeKey(['erasure', subjectHash]), sk: 'erasure' }),
  },
  audit: {
    /** One partition per month: the lab reads the log month by month; the sequence number makes writes idempotent. */
    entry: (at: string, sequenceNumber: string): ItemKey => ({
      pk: composeKey(['audit', at.slice(0, 7)]),
      sk: `${at}#${sequenceNumber}`,
    }),
    monthPk: (month: string) => composeKey(['audit', month]),
  },
  // --- trainer transfer & evaluations (docs/transfer.md, "Keys") ---
  transfer: {
    /** The trainer registry entry, in the trainer's partition (next to their agenda). */
    registry: (trainerId: string): ItemKey => ({ pk: composeKey(['trainer', trainerId]), sk: 'registry' }),
    /** GSI1 on registry entries: every trainer (low volume: one partition). */
    registryListed: (trainerId: string) => ({ gsi1pk: 'trainers', gsi1sk: trainerId }),
    registryListPartition: 'trainers',
    /** One sign-off per (module, step), in the trainer's partition. */
    signOff: (trainerId: string, moduleId: string, stepId: string): ItemKey => ({
      pk: composeKey(['trainer', trainerId]),
      sk: composeKey(['signoff', moduleId], ['step', stepId]),
    }),
    signOffPrefix: (moduleId?: string) =>
      moduleId === undefined ? 'signoff#' : `${composeKey(['signoff', moduleId])}#`,
    /** GSI1 on sign-offs: every sign-off of a module by effective date (certifications of the module's trainers). */
    signOffByModule: (moduleId: string, at: string, trainerId: string, stepId: string) => ({
      gsi1pk: composeKey(['signoffs', moduleId]),
      gsi1sk: `${at}#${trainerId}#${stepId}`,
    }),
    signOffModulePartition: (moduleId: string) => composeKey(['signoffs', moduleId]),
    /** A completed session as one of its facilitators delivered it (the ladder's input). */
    delivered: (trainerId: string, moduleId: string, sessionId: string): ItemKey => ({
      pk: composeKey(['trainer', trainerId]),
      sk: composeKey(['delivered', moduleId], ['session', sessionId]),
    }),
    deliveredPrefix: (moduleId?: string) =>
      moduleId === undefined ? 'delivered#' : `${composeKey(['delivered', moduleId])}#`,
    /** Derived records of one session: its delivery fact, imported attendance, staffing override. */
    sessionPartition: (sessionId: string) => composeKey(['transfer-session', sessionId]),
    deliveryFact: (sessionId: string): ItemKey => ({
      pk: composeKey(['transfer-session', sessionId]),
      sk: 'delivery',
    }),
    attendanceImport: (sessionId: string): ItemKey => ({
      pk: composeKey(['transfer-session', sessionId]),
      sk: 'attendance-import',
    }),
    staffingOverride: (sessionId: string): ItemKey => ({
      pk: composeKey(['transfer-session', sessionId]),
      sk: 'staffing-override',
    }),
    /** A session's evaluation window and its anonymous responses share one partition. */
    evaluationPartition: (sessionId: string) => composeKey(['evaluation', sessionId]),
    evaluationWindow: (sessionId: string): ItemKey => ({
      pk: composeKey(['evaluation', sessionId]),
      sk: 'window',
    }),
    evaluationResponse: (sessionId: string, responseId: string): ItemKey => ({
      pk: composeKey(['evaluation', sessionId]),
      sk: composeKey(['response', responseId]),
    }),
    responsePrefix: 'response#',
    /** The learner's private link to their response (one per session): only in the learner's partition. */
    evaluationLink: (learnerId: string, sessionId: string): ItemKey => ({
      pk: composeKey(['user', learnerId]),
      sk: composeKey(['evaluation', sessionId]),
    }),
    evaluationLinkPrefix: 'evaluation#',
    /** An aggregate: group = partition (`mix#module#<m>`, `sat#site`…), member = sort key. */
    aggregate: (group: string, member: string): ItemKey => ({ pk: composeKey(['agg', group]), sk: member }),
    aggregatePartition: (group: string) => composeKey(['agg', group]),
    /** What one source (`session:<id>`, `response:<sid>:<rid>`) currently contributes to the aggregates. */
    applied: (source: string): ItemKey => ({ pk: composeKey(['agg-source', source]), sk: 'applied' }),
    /** Ladder snapshot of every trainer of a module (forecast pipeline, stall checks). */
    ladderSnapshot: (moduleId: string, trainerId: string): ItemKey => ({
      pk: composeKey(['ladder', moduleId]),
      sk: composeKey(['trainer', trainerId]),
    }),
    ladderPartition: (moduleId: string) => composeKey(['ladder', moduleId]),
  },
  // --- HR reports (docs/reports.md, "Keys") ---
  report: {
    /** An agent's precomputed report: detail, list line, listing keys and contribution to the counters. */
    agentRow: (learnerId: string): ItemKey => ({ pk: composeKey(['report-agent', learnerId]), sk: 'row' }),
    /**
     * An index listing: the agents of a service (or `*`: every service) in one order, packed in sorted blocks.
     * Block sort keys are `b#<lower bound>` (a row's sort key: derived data, rewritten by the projection).
     */
    listing: (scope: string, order: string) => composeKey(['report-list', scope], ['by', order]),
    block: (listingPk: string, lowerBound: string): ItemKey => ({ pk: listingPk, sk: `b#${lowerBound}` }),
    blockSk: (lowerBound: string) => `b#${lowerBound}`,
    blockPrefix: 'b#',
    /** Competency matrix counters: one partition, `svc#<service>#shard#<n>` (sharded: hot counters). */
    matrixPartition: 'report-matrix',
    matrixShard: (service: string, shard: number): ItemKey => ({
      pk: 'report-matrix',
      sk: composeKey(['svc', service], ['shard', shard]),
    }),
    matrixServicePrefix: (service: string) => `${composeKey(['svc', service])}#`,
    /** Path counters: per month and service (`m#<yyyy-mm>#svc#<s>`) and satisfaction per month (`…#eval`). */
    pathPartition: (pathId: string) => composeKey(['report-path', pathId]),
    pathCounter: (pathId: string, month: string, service: string): ItemKey => ({
      pk: composeKey(['report-path', pathId]),
      sk: composeKey(['m', month], ['svc', service]),
    }),
    pathEvaluations: (pathId: string, month: string): ItemKey => ({
      pk: composeKey(['report-path', pathId]),
      sk: `${composeKey(['m', month])}#eval`,
    }),
    pathMonthPrefix: (month: string) => `${composeKey(['m', month])}#`,
    /** What one source item (an enrolment, an evaluation response) currently contributes to the counters. */
    marker: (sourcePk: string, sourceSk: string): ItemKey => ({
      pk: `report-mark#${sourcePk}`,
      sk: sourceSk,
    }),
    /** Export jobs and their parts (gzip, chunked under the 400 KB item limit), expiring through the TTL. */
    exportJob: (id: string): ItemKey => ({ pk: composeKey(['report-export', id]), sk: 'job' }),
    exportChunk: (id: string, part: number, chunk: number): ItemKey => ({
      pk: composeKey(['report-export', id]),
      sk: composeKey(['part', sortableNumber(part, 6)], ['chunk', sortableNumber(chunk, 4)]),
    }),
    exportPartPrefix: (part: number) => `${composeKey(['part', sortableNumber(part, 6)])}#`,
    /** The monthly summary for one recipient (idempotent per month): the hand-off to the notifications path. */
    summary: (month: string, recipientId: string): ItemKey => ({
      pk: composeKey(['report-summary', month]),
      sk: composeKey(['to', recipientId]),
    }),
    summaryPartition: (month: string) => composeKey(['report-summary', month]),
  },
} as const;

/** Structural copy of the domain's NotificationSubject (keys.ts depends on nothing). */
export type NotificationSubjectKey =
  | { type: 'enrolment'; enrolmentId: string }
  | { type: 'session-trainers'; sessionId: string }
  | { type: 'person'; personId: string };
