import type { Agent } from '@parcours/xapi';
import { agentKey, PARCOURS_HOME_PAGE } from '@parcours/xapi';

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
