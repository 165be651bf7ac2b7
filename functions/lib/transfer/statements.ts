import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { catalog } from '@parcours/domain/content/catalog';
import { documentClient, tableName } from '@parcours/store';
import type { TransactItem } from '@parcours/store/transact';
import { statementItem, statementPutOp } from '@parcours/store/xapi-statements';
import { assignLrsProperties, type Statement, validateStatement } from '@parcours/xapi';
import type { TransferSessionRef } from '@parcours/xapi/transfer-statements';
import { SYSTEM_AUTHORITY, SYSTEM_AUTHORITY_KEY } from '../lrs/authority.ts';

/**
 * Stores the Statements of the trainer transfer in Parcours' own LRS, as the LMS's other Statements are: the system
 * authority, `stored` now, validated before writing (a builder bug must fail loudly, not store junk).
 */
function toItem(statement: Statement, now: Date) {
  const v = validateStatement(statement);
  if (!v.ok) throw new Error(`invalid transfer Statement: ${v.errors.join('; ')}`);
  const stored = assignLrsProperties(v.statement, { now, authority: SYSTEM_AUTHORITY });
  return statementItem({
    id: stored.id,
    doc: JSON.stringify(stored),
    stored: stored.stored,
    seq: 0,
    authorityKey: SYSTEM_AUTHORITY_KEY,
    canDefine: true,
  });
}

/** The TransactWriteItems op storing one Statement (conditional on its id being free). */
export function statementOp(statement: Statement, now = new Date()): TransactItem {
  return statementPutOp(toItem(statement, now));
}

/** Stores a Statement unless one with the same id exists (re-emission after a stream replay is a no-op). */
export async function putStatementOnce(statement: Statement, now = new Date()): Promise<boolean> {
  try {
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: toItem(statement, now),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException) return false;
    throw e;
  }
}

export function sessionRef(s: {
  id: string;
  moduleId: string;
  pathId?: string | undefined;
  siteId: string;
  start: string;
}): TransferSessionRef {
  const m = catalog().modules.find((x) => x.id === s.moduleId);
  return {
    id: s.id,
    moduleId: s.moduleId,
    moduleTitle: m ? { fr: m.title.fr, en: m.title.en } : { fr: s.moduleId, en: s.moduleId },
    ...(s.pathId ? { pathId: s.pathId } : {}),
    siteId: s.siteId,
    start: s.start,
  };
}
