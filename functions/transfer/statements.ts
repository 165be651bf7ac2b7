import { nowDate } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import { putIfAbsent, type TransactItem } from '@parcours/store/gateway';
import { statementPutOp } from '@parcours/store/xapi-statements';
import type { Statement } from '@parcours/xapi';
import type { TransferSessionRef } from '@parcours/xapi/transfer-statements';
import { systemStatementItem } from '../shared/statement-authority.ts';

/**
 * Stores the Statements of the trainer transfer in Parcours' own LRS, as the LMS's other Statements are: the system
 * authority, `stored` now (`systemStatementItem`; the builders' output is validated by the unit tests).
 */
const toItem = systemStatementItem;

/** The TransactWriteItems op storing one Statement (conditional on its id being free). */
export function statementOp(statement: Statement, now = nowDate()): TransactItem {
  return statementPutOp(toItem(statement, now));
}

/** Stores a Statement unless one with the same id exists (re-emission after a stream replay is a no-op). */
export function putStatementOnce(statement: Statement, now = nowDate()): Promise<boolean> {
  return putIfAbsent(toItem(statement, now));
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
