import { statementItem } from '@parcours/store/xapi-statements';
import type { Agent, Statement } from '@parcours/xapi';
import { agentKey, assignLrsProperties, PARCOURS_HOME_PAGE } from '@parcours/xapi';

/**
 * Who wrote a Statement, as the `authority` the LRS records (Data 2.4.9): the credential, as an Agent identified by
 * an account on Parcours' LRS client registry. Statements the LMS itself emits carry the Parcours system agent.
 */
export const LRS_CLIENTS_HOME_PAGE = `${PARCOURS_HOME_PAGE}/lrs-clients`;

export function credentialAuthority(key: string, name: string): Agent {
  return { objectType: 'Agent', name, account: { homePage: LRS_CLIENTS_HOME_PAGE, name: key } };
}

export const SYSTEM_AUTHORITY: Agent = {
  objectType: 'Agent',
  name: 'Parcours',
  account: { homePage: PARCOURS_HOME_PAGE, name: 'system' },
};

export const SYSTEM_AUTHORITY_KEY = agentKey(SYSTEM_AUTHORITY);

/**
 * A Statement the LMS itself emits, as the item the LRS stores: `stored`, `authority` (the system agent) and
 * `version` assigned as for any Statement. It is not re-validated here: it comes from the typed builders of
 * packages/xapi, whose every output the unit tests validate and find already normalised
 * (test/unit/xapi/lms-statements.test.ts, test/unit/transfer/evaluations.test.ts) — the LRS's validator stays in
 * the one function that receives Statements from outside (`lrs`), not in every function that writes its own.
 */
export function systemStatementItem(statement: Statement, now: Date) {
  const stored = assignLrsProperties(statement, { now, authority: SYSTEM_AUTHORITY });
  return statementItem({
    id: stored.id,
    doc: JSON.stringify(stored),
    stored: stored.stored,
    seq: 0,
    authorityKey: SYSTEM_AUTHORITY_KEY,
    canDefine: true,
  });
}
