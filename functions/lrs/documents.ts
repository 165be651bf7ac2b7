import { createHash } from 'node:crypto';
import type { ItemKey } from '@parcours/store';
import { keys } from '@parcours/store';
import {
  deleteDocument,
  deleteDocuments,
  getDocument,
  listDocuments,
  putDocument,
  type StoredDocument,
} from '@parcours/store/xapi-documents';
import { valueHash } from '@parcours/store/xapi-hash';
import { agentKey } from '@parcours/xapi';
import { checkPreconditions, type Preconditions, requirePreconditionForOverwrite } from './concurrency.ts';
import { badRequest, LrsError } from './errors.ts';
import { isJsonObject } from './json-body.ts';
import { agentParam, checkAllowed, iriParam, requireParam, timestampParam, uuidParam } from './params.ts';
import { type LrsRequest, mediaTypeOf } from './request.ts';
import { httpDate, jsonResponse, type LrsResponse, noContent } from './response.ts';

/**
 * The three document resources (Communication 2.2-2.7): State, Activity Profile, Agent Profile. They share one
 * implementation; a `DocumentScope` says where the documents of a request live and which parameters it takes.
 */

interface DocumentScope {
  /** Partition and sort-key prefix of the documents of this context. */
  pk: string;
  prefix: string;
  key: (docId: string) => ItemKey;
  idParam: 'stateId' | 'profileId';
  /** Profiles enforce If-Match/If-None-Match on PUT (3.1.s3); the State resource does not require them. */
  profile: boolean;
  registration?: string;
}

const MAX_DOC_ID_BYTES = 700;

function docIdOf(raw: string): string {
  // Keys are at most 1 KB: very long ids are hashed in the key; the id itself is kept on the item.
  return Buffer.byteLength(raw) <= MAX_DOC_ID_BYTES ? raw : `h:${valueHash(raw)}`;
}

function stateScope(req: LrsRequest, allowed: readonly string[]): DocumentScope {
  checkAllowed(req.query, allowed, `${req.method} activities/state`);
  const activityId = iriParam(req.query, 'activityId', true);
  const agent = agentParam(req.query, 'agent', true);
  const registration = uuidParam(req.query, 'registration')?.toLowerCase();
  const a = valueHash(activityId);
  const g = valueHash(agentKey(agent));
  return {
    pk: keys.xapi.statePartition(a, g),
    prefix: keys.xapi.statePrefix(registration),
    key: (id) => keys.xapi.stateDocument(a, g, registration, docIdOf(id)),
    idParam: 'stateId',
    profile: false,
    ...(registration ? { registration } : {}),
  };
}

function activityProfileScope(req: LrsRequest, allowed: readonly string[]): DocumentScope {
  checkAllowed(req.query, allowed, `${req.method} activities/profile`);
  const a = valueHash(iriParam(req.query, 'activityId', true));
  return {
    pk: keys.xapi.activityProfilePartition(a),
    prefix: keys.xapi.prefix.document,
    key: (id) => keys.xapi.activityProfile(a, docIdOf(id)),
    idParam: 'profileId',
    profile: true,
  };
}

function agentProfileScope(req: LrsRequest, allowed: readonly string[]): DocumentScope {
  checkAllowed(req.query, allowed, `${req.method} agents/profile`);
  const g = valueHash(agentKey(agentParam(req.query, 'agent', true)));
  return {
    pk: keys.xapi.agentProfilePartition(g),
    prefix: keys.xapi.prefix.document,
    key: (id) => keys.xapi.agentProfile(g, docIdOf(id)),
    idParam: 'profileId',
    profile: true,
  };
}

export type DocumentResource = 'state' | 'activity-profile' | 'agent-profile';

/** Parameters per resource and method; `since` only on the multiple-document GET. */
function scopeFor(resource: DocumentResource, req: LrsRequest): DocumentScope {
  const idParam = resource === 'state' ? 'stateId' : 'profileId';
  const base =
    resource === 'state'
      ? ['activityId', 'agent', 'registration']
      : resource === 'activity-profile'
        ? ['activityId']
        : ['agent'];
  const multiple = req.query[idParam] === undefined && (req.method === 'GET' || req.method === 'HEAD');
  const allowed = [...base, idParam, ...(multiple ? ['since'] : [])];
  if (resource === 'state') return stateScope(req, allowed);
  if (resource === 'activity-profile') return activityProfileScope(req, allowed);
  return agentProfileScope(req, allowed);
}

function preconditionsOf(req: LrsRequest): Preconditions {
  return { ifMatch: req.headers['if-match'], ifNoneMatch: req.headers['if-none-match'] };
}

function contentTypeOf(req: LrsRequest): string {
  return req.headers['content-type'] ?? 'application/octet-stream';
}

function isJsonType(contentType: string): boolean {
  return mediaTypeOf(contentType) === 'application/json';
}

function parseJsonObject(body: Buffer): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    return isJsonObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

function documentResponse(doc: StoredDocument): LrsResponse {
  return {
    status: 200,
    headers: {
      'content-type': doc.item.contentType,
      etag: `"${doc.item.etag}"`,
      'last-modified': httpDate(doc.item.updated),
    },
    body: doc.body,
  };
}

async function getOne(scope: DocumentScope, id: string): Promise<LrsResponse> {
  const doc = await getDocument(scope.key(id));
  if (!doc) throw new LrsError(404, 'document-not-found', `No document '${id}' here`);
  return documentResponse(doc);
}

async function getIds(scope: DocumentScope, since: string | undefined): Promise<LrsResponse> {
  const docs = await listDocuments(scope.pk, scope.prefix, since);
  // Without a registration, State ids of every registration are listed: an id used in several appears once.
  const ids = [...new Set(docs.map((d) => d.docId))];
  const body = JSON.stringify(ids);
  const latest = docs
    .map((d) => d.updated)
    .sort()
    .at(-1);
  // 3.1.s4.b1: every GET carries an ETag; 2.2.s6.b2: Last-Modified of the most recent document.
  return {
    ...jsonResponse(200, ids),
    headers: {
      'content-type': 'application/json; charset=utf-8',
      etag: `"${createHash('sha1').update(body).digest('hex')}"`,
      ...(latest ? { 'last-modified': httpDate(latest) } : {}),
    },
  };
}

/** PUT replaces; POST merges JSON objects (2.2.s7-s8). Both are conditional on the ETag read. */
async function write(scope: DocumentScope, req: LrsRequest, id: string, now: Date): Promise<LrsResponse> {
  const body = req.body ?? Buffer.alloc(0);
  const contentType = contentTypeOf(req);
  const p = preconditionsOf(req);
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await getDocument(scope.key(id));
    checkPreconditions(p, current?.item.etag);
    let content = body;
    let type = contentType;
    if (req.method === 'PUT') {
      if (scope.profile) requirePreconditionForOverwrite(p, current !== undefined);
    } else {
      const posted = isJsonType(contentType) ? parseJsonObject(body) : undefined;
      if (isJsonType(contentType) && !posted) {
        throw badRequest(
          'document-not-json',
          'A POSTed application/json document must be a JSON object (Communication 2.2.s8.b1)',
        );
      }
      if (current) {
        const existing = isJsonType(current.item.contentType) ? parseJsonObject(current.body) : undefined;
        if (!posted || !existing) {
          throw badRequest(
            'document-merge',
            'POST merges JSON objects: both documents must be application/json objects (Communication 2.2.s8.b1)',
          );
        }
        // 2.2.s7: top-level properties of the posted object replace those of the existing one. Spread, not
        // Object.assign, so a "__proto__" key stays a plain property.
        content = Buffer.from(JSON.stringify({ ...existing, ...posted }));
        type = 'application/json';
      }
    }
    const { written, etag } = await putDocument(
      scope.key(id),
      {
        docId: id,
        contentType: type,
        body: content,
        updated: now.toISOString(),
        ...(scope.registration ? { registration: scope.registration } : {}),
      },
      { expectedEtag: current?.item.etag ?? null },
    );
    if (written) return noContent({ etag: `"${etag}"` });
    // Another writer changed it between our read and write: re-evaluate against the new state.
  }
  throw new LrsError(409, 'document-contention', 'The document kept changing; retry');
}

export async function handleDocuments(
  resource: DocumentResource,
  req: LrsRequest,
  now: Date,
): Promise<LrsResponse> {
  const scope = scopeFor(resource, req);
  const id = req.query[scope.idParam];
  switch (req.method) {
    case 'GET':
    case 'HEAD':
      return id !== undefined ? getOne(scope, id) : getIds(scope, timestampParam(req.query, 'since'));
    case 'PUT':
    case 'POST':
      return write(scope, req, requireParam(req.query, scope.idParam), now);
    case 'DELETE': {
      if (id === undefined) {
        // 2.3.s5: DELETE without stateId deletes every State document of the context; profiles need a profileId.
        if (scope.profile) throw badRequest('missing-parameter', "Parameter 'profileId' is required");
        await deleteDocuments(scope.pk, scope.prefix);
        return noContent();
      }
      const p = preconditionsOf(req);
      const current = await getDocument(scope.key(id));
      checkPreconditions(p, current?.item.etag);
      if (current && !(await deleteDocument(scope.key(id), { expectedEtag: current.item.etag }))) {
        throw new LrsError(412, 'precondition-failed', 'The document changed meanwhile');
      }
      return noContent();
    }
    default:
      throw new LrsError(405, 'method-not-allowed', `${req.method} is not supported here`);
  }
}
