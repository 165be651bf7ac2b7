import { LIMITS } from '@parcours/store/gateway';
import { putBlob } from '@parcours/store/xapi-blobs';
import {
  type CredentialCheck,
  CredentialCheckFailed,
  deleteStatementItems,
  readStatements,
  type StatementItem,
  statementItem,
  type VoidedByItem,
  voidedByItem,
  writeStatements,
} from '@parcours/store/xapi-statements';
import {
  assignLrsProperties,
  isUuid,
  SIGNATURE_USAGE_TYPE,
  type Statement,
  type StoredStatement,
  statementsEquivalent,
  VOIDED_VERB_IRI,
  validateStatement,
  validateStatements,
  verifyStatementSignature,
} from '@parcours/xapi';
import type { LrsPrincipal } from './auth.ts';
import { badRequest, LrsError } from './errors.ts';
import { type AttachmentPart, readStatementsBody } from './statement-body.ts';

/**
 * PUT and POST on the Statement resource (Communication 2.1.1-2.1.2): validate everything first (structure,
 * attachments, signatures, voiding rules), then store all or nothing, comparing with what the LRS already holds when
 * an id is taken (Data 2.3.1: equivalent → no-op, different → 409).
 */

/** Largest Statement item the table can hold with room for its attributes (400 KB per item). */
const MAX_STATEMENT_BYTES = 380 * 1024;

export interface WriteContext {
  principal: Pick<LrsPrincipal, 'authority' | 'authorityKey' | 'scopes'>;
  canDefine: boolean;
  now: Date;
  /** Set when the credential was not read for this request: the write checks it atomically. */
  credential?: CredentialCheck;
}

/** Checks Attachments against the request's parts and returns the parts each Statement uses. */
function checkAttachments(
  statements: Statement[],
  parts: Map<string, AttachmentPart>,
  multipart: boolean,
): Set<string> {
  const used = new Set<string>();
  statements.forEach((s, i) => {
    const attachments = [
      ...(s.attachments ?? []),
      ...(s.object.objectType === 'SubStatement' ? (s.object.attachments ?? []) : []),
    ];
    for (const a of attachments) {
      const sha2 = a.sha2.toLowerCase();
      if (parts.has(sha2)) {
        used.add(sha2);
        continue;
      }
      if (a.fileUrl !== undefined && a.usageType !== SIGNATURE_USAGE_TYPE) continue;
      throw badRequest(
        'attachment-data-missing',
        multipart
          ? `statements[${i}]: no part carries the data of the Attachment with sha2 ${a.sha2}, and it has no fileUrl (Communication 1.5.2.s3.b5)`
          : `statements[${i}]: an Attachment without fileUrl must be sent as multipart/mixed with its data (Communication 1.5.2.s2.b1)`,
      );
    }
  });
  for (const sha2 of parts.keys()) {
    if (!used.has(sha2)) {
      throw badRequest(
        'attachment-part-unused',
        `The part with X-Experience-API-Hash ${sha2} matches no Attachment of the Statements`,
      );
    }
  }
  return used;
}

/** Data 2.6: every signed Statement's JWS is decoded and checked against the Statement as received. */
function checkSignatures(statements: Statement[], parts: Map<string, AttachmentPart>): void {
  statements.forEach((s, i) => {
    const signature = s.attachments?.find((a) => a.usageType === SIGNATURE_USAGE_TYPE);
    if (!signature) return;
    const part = parts.get(signature.sha2.toLowerCase());
    if (!part) {
      throw badRequest(
        'signature-missing',
        `statements[${i}]: the signature must be sent as an attachment part (Data 2.6)`,
      );
    }
    const result = verifyStatementSignature(s, part.body.toString('utf8'));
    if (!result.ok)
      throw badRequest('signature-invalid', `statements[${i}]: ${result.errors.join('; ')}`, result.errors);
  });
}

interface Prepared {
  received: Statement;
  stored: StoredStatement;
  item: StatementItem;
}

/** Validates and prepares the Statements of a request; nothing is written. */
export async function prepareStatements(
  input: unknown,
  parts: Map<string, AttachmentPart>,
  multipart: boolean,
  ctx: WriteContext,
  putId?: string,
): Promise<{ prepared: Prepared[]; markers: VoidedByItem[] }> {
  let statements: Statement[];
  if (putId !== undefined) {
    if (Array.isArray(input))
      throw badRequest('put-single', 'PUT stores a single Statement, not an array (Communication 2.1.1)');
    const v = validateStatement(input);
    if (!v.ok) throw badRequest('invalid-statement', v.errors.join('; '), v.errors);
    if (v.statement.id !== undefined && v.statement.id.toLowerCase() !== putId.toLowerCase()) {
      throw badRequest(
        'statement-id-mismatch',
        'The Statement id must match the statementId parameter (Communication 2.1.1.s3.b3)',
      );
    }
    statements = [{ ...v.statement, id: putId }];
  } else {
    if (Array.isArray(input) && input.length === 0)
      throw badRequest('empty-batch', 'The batch holds no Statement');
    const v = validateStatements(input);
    if (!v.ok) throw badRequest('invalid-statement', v.errors.join('; '), v.errors);
    statements = v.statements;
  }
  checkAttachments(statements, parts, multipart);
  checkSignatures(statements, parts);

  const stored = ctx.now.toISOString();
  const prepared: Prepared[] = statements.map((received, seq) => {
    const s = assignLrsProperties(received, { now: ctx.now, authority: ctx.principal.authority });
    const doc = JSON.stringify(s);
    if (Buffer.byteLength(doc) > MAX_STATEMENT_BYTES) {
      throw new LrsError(
        413,
        'statement-too-large',
        `Statement ${s.id} exceeds ${MAX_STATEMENT_BYTES} bytes (Communication 3.2.s3.b11)`,
      );
    }
    const shas = (s.attachments ?? []).map((a) => a.sha2.toLowerCase()).filter((sha) => parts.has(sha));
    const voids =
      s.verb.id === VOIDED_VERB_IRI && s.object.objectType === 'StatementRef' ? s.object.id : undefined;
    const item = statementItem({
      id: s.id,
      doc,
      stored,
      seq,
      authorityKey: ctx.principal.authorityKey,
      ...(voids ? { voids } : {}),
      attachmentShas: [...new Set(shas)],
      canDefine: ctx.canDefine,
    });
    return { received, stored: s, item };
  });
  return { prepared, markers: await checkVoiding(prepared, stored) };
}

/**
 * Data 2.3.2: a voiding Statement's target is voided; "Statements that void other voiding Statements" are rejected
 * (a voiding Statement cannot be voided, Communication 2.1.4.s1.b2). A target the LRS does not hold yet is accepted:
 * its marker voids it when it arrives.
 */
async function checkVoiding(prepared: Prepared[], stored: string): Promise<VoidedByItem[]> {
  const voiding = prepared.filter((p) => p.item.voids !== undefined);
  if (voiding.length === 0) return [];
  const inBatch = new Map(prepared.map((p) => [p.item.id, p]));
  const targets = voiding.map((p) => p.item.voids!);
  const known = await readStatements(targets.filter((t) => !inBatch.has(t)));
  const markers = new Map<string, VoidedByItem>();
  for (const p of voiding) {
    const target = p.item.voids!;
    const targetVoids = inBatch.get(target)?.item.voids ?? known.statements.get(target)?.statement.voids;
    if (targetVoids !== undefined) {
      throw badRequest(
        'voiding-a-voiding-statement',
        `Statement ${p.item.id} voids ${target}, which is itself a voiding Statement (Data 2.3.2)`,
      );
    }
    // Already voided by another voiding Statement: the target stays voided; the first marker is kept.
    if (known.markers.has(target) || markers.has(target)) continue;
    markers.set(target, voidedByItem(target, p.item.id, stored));
  }
  return [...markers.values()];
}

/**
 * Stores prepared Statements. Ids already taken are compared with the stored Statements: all equivalent → those are
 * skipped (no modification, 2.1.2.s2.b4); any different → 409 and nothing is written.
 */
export async function commitStatements(
  prepared: Prepared[],
  markers: VoidedByItem[],
  parts: Map<string, AttachmentPart>,
  credential?: CredentialCheck,
): Promise<void> {
  let pending = prepared;
  let pendingMarkers = markers;
  for (let round = 0; round < 5; round++) {
    // Attachment data first: a Statement never points at data that is not there. Orphans are possible if the
    // Statement write fails, harmless (content-addressed) and rare.
    const shas = new Set(pending.flatMap((p) => p.item.attachmentShas ?? []));
    for (const sha of shas) {
      const part = parts.get(sha);
      if (part) await putBlob(sha, part.body, part.contentType);
    }
    const outcome = await writeBatch(
      pending.map((p) => p.item),
      pendingMarkers,
      credential,
    );
    if (outcome.ok) return;
    if (outcome.existingIds.length > 0) {
      const existing = (await readStatements(outcome.existingIds)).statements;
      for (const id of outcome.existingIds) {
        const held = existing.get(id);
        const incoming = pending.find((p) => p.item.id === id);
        if (!held || !incoming) continue;
        if (!statementsEquivalent(JSON.parse(held.statement.doc) as Statement, incoming.received)) {
          throw new LrsError(
            409,
            'statement-conflict',
            `A different Statement with id ${id} already exists (Communication 2.1.2.s2.b5)`,
          );
        }
      }
      const taken = new Set(outcome.existingIds);
      pending = pending.filter((p) => !taken.has(p.item.id));
    }
    if (outcome.markerTargets.length > 0) {
      const taken = new Set(outcome.markerTargets);
      pendingMarkers = pendingMarkers.filter((m) => !taken.has(m.targetId));
    }
    if (pending.length === 0 && pendingMarkers.length === 0) return;
  }
  throw new LrsError(
    503,
    'statement-contention',
    'The Statements could not be stored under contention; retry',
  );
}

type BatchOutcome = { ok: true } | { ok: false; existingIds: string[]; markerTargets: string[] };

/**
 * All or nothing. Up to 100 items: one TransactWriteItems. Larger batches: the ids are checked first, then the
 * transactions of ≤ 100 items run in order and, if one fails, the items of the earlier ones are deleted again
 * (compensation); see docs/xapi-lrs.md for the window during which a reader can see such a batch partially.
 */
async function writeBatch(
  statements: StatementItem[],
  markers: VoidedByItem[],
  credential?: CredentialCheck,
): Promise<BatchOutcome> {
  const room = LIMITS.transaction - (credential ? 1 : 0);
  if (statements.length + markers.length <= room) return writeStatements(statements, markers, credential);
  // Several transactions cannot share one credential check: have the caller read the credential instead.
  if (credential) throw new CredentialCheckFailed();
  const existing = await readStatements(statements.map((s) => s.id));
  const existingIds = statements.map((s) => s.id).filter((id) => existing.statements.has(id));
  const markerTargets = markers.map((m) => m.targetId).filter((t) => existing.markers.has(t));
  if (existingIds.length || markerTargets.length) return { ok: false, existingIds, markerTargets };
  const items: (StatementItem | VoidedByItem)[] = [...statements, ...markers];
  const written: (StatementItem | VoidedByItem)[] = [];
  for (let i = 0; i < items.length; i += LIMITS.transaction) {
    const chunk = items.slice(i, i + LIMITS.transaction);
    const isStatement = (x: StatementItem | VoidedByItem): x is StatementItem => x.sk === 'statement';
    let outcome: BatchOutcome;
    try {
      outcome = await writeStatements(
        chunk.filter(isStatement),
        chunk.filter((x): x is VoidedByItem => !isStatement(x)),
      );
    } catch (e) {
      await deleteStatementItems(written);
      throw e;
    }
    if (!outcome.ok) {
      await deleteStatementItems(written);
      return outcome;
    }
    written.push(...chunk);
  }
  return { ok: true };
}

/** POST /statements: 200 with the ids, in order (Communication 2.1.2). */
export async function postStatements(
  req: Parameters<typeof readStatementsBody>[0],
  ctx: WriteContext,
): Promise<string[]> {
  const body = readStatementsBody(req);
  const { prepared, markers } = await prepareStatements(body.json, body.parts, body.multipart, ctx);
  await commitStatements(prepared, markers, body.parts, ctx.credential);
  return prepared.map((p) => p.stored.id);
}

/** PUT /statements?statementId=: 204 (Communication 2.1.1). */
export async function putStatement(
  req: Parameters<typeof readStatementsBody>[0],
  statementId: string,
  ctx: WriteContext,
): Promise<void> {
  if (!isUuid(statementId)) throw badRequest('invalid-parameter', 'statementId must be a UUID');
  const body = readStatementsBody(req);
  const { prepared, markers } = await prepareStatements(
    body.json,
    body.parts,
    body.multipart,
    ctx,
    statementId,
  );
  await commitStatements(prepared, markers, body.parts, ctx.credential);
}
