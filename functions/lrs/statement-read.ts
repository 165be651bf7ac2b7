import { randomBytes } from 'node:crypto';
import { getActivityDefinitions } from '@parcours/store/xapi-activities';
import { getBlob } from '@parcours/store/xapi-blobs';
import { valueHash } from '@parcours/store/xapi-hash';
import { ALL_VALUE, type IndexKind, type IndexQuery, queryIndex } from '@parcours/store/xapi-index';
import { isVoided, readStatement, readStatements, type StatementItem } from '@parcours/store/xapi-statements';
import {
  type Activity,
  type ActivityDefinition,
  agentKey,
  canonicalFormat,
  idsFormat,
  parseAcceptLanguage,
  type Statement,
} from '@parcours/xapi';
import { consistentThrough } from './consistency.ts';
import { type Cursor, decodeCursor, encodeCursor } from './cursor.ts';
import { badRequest, LrsError } from './errors.ts';
import { buildMultipart, type Part } from './multipart.ts';
import { agentParam, boolParam, checkAllowed, iriParam, timestampParam, uuidParam } from './params.ts';
import type { LrsRequest } from './request.ts';
import { httpDate, jsonResponse, type LrsResponse } from './response.ts';
import { activityHash, agentHash, verbHash } from './statement-keys.ts';

/** GET on the Statement resource (Communication 2.1.3, 2.1.4; Data 2.5). */

const QUERY_PARAMS = [
  'agent',
  'verb',
  'activity',
  'registration',
  'related_activities',
  'related_agents',
  'since',
  'until',
  'limit',
  'format',
  'attachments',
  'ascending',
] as const;
const SINGLE_PARAMS = ['statementId', 'voidedStatementId', 'format', 'attachments'] as const;
type Format = 'ids' | 'exact' | 'canonical';

/** Largest page the LRS returns ("0 indicates return the maximum the server will allow"). */
export const MAX_PAGE = 100;

export interface ReadContext {
  /** statements/read/mine: only Statements whose authority is this credential's. */
  mineAuthorityKey?: string;
  now: Date;
  /** Path of the Statement resource as the client addressed it, for `more` links. */
  statementsPath: string;
}

function formatParam(query: Record<string, string>): Format {
  const f = query['format'] ?? 'exact';
  if (f !== 'ids' && f !== 'exact' && f !== 'canonical') {
    throw badRequest('invalid-parameter', "Parameter 'format' must be ids, exact or canonical");
  }
  return f;
}

function limitParam(query: Record<string, string>): number {
  const raw = query['limit'];
  if (raw === undefined) return 0;
  if (!/^\d+$/.test(raw))
    throw badRequest('invalid-parameter', "Parameter 'limit' must be a non-negative integer");
  return Number(raw);
}

function activitiesOf(s: Statement): string[] {
  const out: Activity[] = [];
  const ctx = (c: Statement['context']) =>
    c?.contextActivities
      ? [
          ...(c.contextActivities.parent ?? []),
          ...(c.contextActivities.grouping ?? []),
          ...(c.contextActivities.category ?? []),
          ...(c.contextActivities.other ?? []),
        ]
      : [];
  if (s.object.objectType === 'Activity') out.push(s.object);
  out.push(...ctx(s.context));
  if (s.object.objectType === 'SubStatement') {
    if (s.object.object.objectType === 'Activity') out.push(s.object.object);
    out.push(...ctx(s.object.context));
  }
  return out.map((a) => a.id);
}

async function formatStatements(
  statements: Statement[],
  format: Format,
  acceptLanguage: string | undefined,
): Promise<Statement[]> {
  if (format === 'exact') return statements;
  if (format === 'ids') return statements.map((s) => idsFormat(s));
  const defs = await getActivityDefinitions([...new Set(statements.flatMap(activitiesOf))]);
  const languages = parseAcceptLanguage(acceptLanguage);
  const parsed = new Map<string, ActivityDefinition>();
  for (const [id, json] of defs) parsed.set(id, JSON.parse(json) as ActivityDefinition);
  return statements.map((s) => canonicalFormat(s, languages, { activityDefinition: (id) => parsed.get(id) }));
}

/** `attachments=true`: multipart/mixed, the JSON first, then each Attachment's data once (Communication 1.5.2). */
async function withAttachments(json: unknown, items: StatementItem[]): Promise<LrsResponse> {
  const shas = [...new Set(items.flatMap((i) => i.attachmentShas ?? []))];
  const parts: Part[] = [
    { headers: { 'Content-Type': 'application/json' }, body: Buffer.from(JSON.stringify(json)) },
  ];
  for (const sha of shas) {
    const blob = await getBlob(sha);
    if (!blob) throw new Error(`attachment ${sha} is missing from the blob store`);
    parts.push({
      headers: {
        'Content-Type': blob.contentType,
        'Content-Transfer-Encoding': 'binary',
        'X-Experience-API-Hash': sha,
      },
      body: blob.data,
    });
  }
  const boundary = `xapi-${randomBytes(16).toString('hex')}`;
  return {
    status: 200,
    headers: { 'content-type': `multipart/mixed; boundary=${boundary}` },
    body: buildMultipart(parts, boundary),
  };
}

async function getSingle(req: LrsRequest, ctx: ReadContext): Promise<LrsResponse> {
  const q = req.query;
  checkAllowed(q, SINGLE_PARAMS, 'GET statements with statementId or voidedStatementId');
  if (q['statementId'] !== undefined && q['voidedStatementId'] !== undefined) {
    throw badRequest(
      'invalid-parameter',
      'Give statementId or voidedStatementId, not both (Communication 2.1.3.s2.b1)',
    );
  }
  const voided = q['voidedStatementId'] !== undefined;
  const id = uuidParam(q, voided ? 'voidedStatementId' : 'statementId')!;
  const format = formatParam(q);
  const attachments = boolParam(q, 'attachments');
  const [record, through] = await Promise.all([readStatement(id), consistentThrough(ctx.now)]);
  const visible =
    record !== undefined &&
    isVoided(record) === voided &&
    (ctx.mineAuthorityKey === undefined || record.statement.authorityKey === ctx.mineAuthorityKey);
  if (!visible || !record) {
    throw new LrsError(
      404,
      'statement-not-found',
      voided ? `No voided Statement ${id}` : `No Statement ${id}`,
    );
  }
  const [statement] = await formatStatements(
    [JSON.parse(record.statement.doc) as Statement],
    format,
    req.headers['accept-language'],
  );
  const headers = {
    'x-experience-api-consistent-through': through,
    'last-modified': httpDate(record.statement.stored),
  };
  if (attachments) {
    const res = await withAttachments(statement, [record.statement]);
    return { ...res, headers: { ...res.headers, ...headers } };
  }
  return jsonResponse(200, statement, headers);
}

/** The index to read: the most selective filter given (docs/xapi-lrs.md, "Choosing the index"). */
function planQuery(req: LrsRequest, ctx: ReadContext): Omit<Cursor, 'after' | 'v'> {
  const q = req.query;
  checkAllowed(q, QUERY_PARAMS, 'GET statements');
  const agent = agentParam(q, 'agent');
  const verb = iriParam(q, 'verb');
  const activity = iriParam(q, 'activity');
  const registration = uuidParam(q, 'registration')?.toLowerCase();
  const relatedActivities = boolParam(q, 'related_activities');
  const relatedAgents = boolParam(q, 'related_agents');
  const since = timestampParam(q, 'since');
  const until = timestampParam(q, 'until');
  const f: Record<string, string> = {};
  const agentH = agent ? agentHash(agentKey(agent)) : undefined;
  const activityH = activity ? activityHash(activity) : undefined;
  if (agentH) f[relatedAgents ? 'relatedAgent' : 'agent'] = agentH;
  if (activityH) f[relatedActivities ? 'relatedActivity' : 'activity'] = activityH;
  if (verb) f['verb'] = verbHash(verb);
  if (registration) f['registration'] = registration;
  if (ctx.mineAuthorityKey) f['authority'] = valueHash(ctx.mineAuthorityKey);
  let k: IndexKind = 'all';
  let x = ALL_VALUE;
  if (registration) [k, x] = ['reg', registration];
  else if (activityH) [k, x] = ['activity', activityH];
  else if (agentH) [k, x] = ['agent', agentH];
  else if (verb) [k, x] = ['verb', verbHash(verb)];
  else if (ctx.mineAuthorityKey) [k, x] = ['auth', valueHash(ctx.mineAuthorityKey)];
  // The partition already implies its broad filter; keep only what narrows it.
  if (k === 'activity') delete f['relatedActivity'];
  if (k === 'agent') delete f['relatedAgent'];
  if (k === 'reg') delete f['registration'];
  if (k === 'auth') delete f['authority'];
  return {
    k,
    x,
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
    asc: boolParam(q, 'ascending'),
    f,
    format: formatParam(q),
    attachments: boolParam(q, 'attachments'),
    limit: limitParam(q),
  };
}

async function runQuery(
  plan: Omit<Cursor, 'after' | 'v'>,
  after: Record<string, string> | undefined,
  ctx: ReadContext,
) {
  const want = plan.limit === 0 ? MAX_PAGE : Math.min(plan.limit, MAX_PAGE);
  const found: StatementItem[] = [];
  let startKey: Record<string, unknown> | undefined = after;
  let resumeAfter: Record<string, string> | undefined;
  const query: Omit<IndexQuery, 'startKey' | 'pageSize'> = {
    kind: plan.k as IndexKind,
    value: plan.x,
    ...(plan.since ? { since: plan.since } : {}),
    ...(plan.until ? { until: plan.until } : {}),
    ascending: plan.asc,
    filters: plan.f,
  };
  for (;;) {
    const page = await queryIndex({
      ...query,
      ...(startKey ? { startKey } : {}),
      pageSize: Math.min(2 * want + 10, 500),
    });
    const records = (await readStatements(page.entries.map((e) => e.id))).statements;
    for (const entry of page.entries) {
      const record = records.get(entry.id);
      // Voided Statements are never returned by queries (Communication 2.1.4.s1.b1).
      if (!record || isVoided(record)) continue;
      if (ctx.mineAuthorityKey && record.statement.authorityKey !== ctx.mineAuthorityKey) continue;
      found.push(record.statement);
      if (found.length === want) {
        resumeAfter = entry.key;
        break;
      }
    }
    if (resumeAfter || !page.next) break;
    startKey = page.next;
  }
  return { found, resumeAfter };
}

async function getMany(req: LrsRequest, ctx: ReadContext): Promise<LrsResponse> {
  let plan: Omit<Cursor, 'after' | 'v'>;
  let after: Record<string, string> | undefined;
  if (req.query['more'] !== undefined) {
    checkAllowed(req.query, ['more'], 'GET statements with a more token');
    const cursor = decodeCursor(req.query['more']);
    ({ after } = cursor);
    plan = cursor;
  } else plan = planQuery(req, ctx);
  const [{ found, resumeAfter }, through] = await Promise.all([
    runQuery(plan, after, ctx),
    consistentThrough(ctx.now),
  ]);
  const statements = await formatStatements(
    found.map((i) => JSON.parse(i.doc) as Statement),
    plan.format as Format,
    req.headers['accept-language'],
  );
  const more = resumeAfter
    ? `${ctx.statementsPath}?more=${encodeCursor({ v: 1, ...plan, after: resumeAfter })}`
    : '';
  const result = { statements, more };
  const latest = found
    .map((i) => i.stored)
    .sort()
    .at(-1);
  const headers: Record<string, string> = {
    'x-experience-api-consistent-through': through,
    ...(latest ? { 'last-modified': httpDate(latest) } : {}),
  };
  if (plan.attachments) {
    const res = await withAttachments(result, found);
    return { ...res, headers: { ...res.headers, ...headers } };
  }
  return jsonResponse(200, result, headers);
}

export async function getStatements(req: LrsRequest, ctx: ReadContext): Promise<LrsResponse> {
  const single = Object.keys(req.query).some((k) => k === 'statementId' || k === 'voidedStatementId');
  return single ? getSingle(req, ctx) : getMany(req, ctx);
}
