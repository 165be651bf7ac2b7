import { createHash } from 'node:crypto';
import type { Actor, Agent, IdentifiedGroup } from './types.ts';

/**
 * Stable string keys for Agents and Identified Groups, built from their Inverse Functional Identifier (xAPI 1.0.3 Data
 * §2.4.2.3). Communication §2.1.3 (agent filter): "Agents or Identified Groups are equal when the same Inverse
 * Functional Identifier is used in each Object compared and those Inverse Functional Identifiers have equal values."
 * The key is what the LRS indexes and compares; `name` and `member` play no part in identity.
 */

/**
 * The mbox with its domain lower-cased: "The domain portions of email addresses are case insensitive" (Data
 * §2.4.2.3.s4.b1, §2.3.1.b7). The local part is left as written: it may be case-sensitive.
 */
export function normaliseMbox(mbox: string): string {
  const at = mbox.lastIndexOf('@');
  return at < 0 ? mbox : `${mbox.slice(0, at)}${mbox.slice(at).toLowerCase()}`;
}

/**
 * The `mbox_sha1sum` of an e-mail address or mailto IRI: the hex SHA-1 of the mailto IRI (Data §2.4.2.3), with the
 * domain in lower case as Data §2.4.2.3.s4.b1 asks clients to do.
 */
export function sha1Mbox(emailOrMbox: string): string {
  const mbox = emailOrMbox.startsWith('mailto:') ? emailOrMbox : `mailto:${emailOrMbox}`;
  return createHash('sha1').update(normaliseMbox(mbox), 'utf8').digest('hex');
}

/**
 * `mbox:mailto:x@example.org`, `mbox_sha1sum:<hex>`, `openid:<uri>` or `account:<homePage>|<name>`. The `|` cannot
 * occur in an IRL (RFC 3987 excludes it), so the account key is unambiguous.
 */
export function agentKey(agent: Agent | IdentifiedGroup): string {
  if (agent.mbox !== undefined) return `mbox:${normaliseMbox(agent.mbox)}`;
  if (agent.mbox_sha1sum !== undefined) return `mbox_sha1sum:${agent.mbox_sha1sum.toLowerCase()}`;
  if (agent.openid !== undefined) return `openid:${agent.openid}`;
  return `account:${agent.account.homePage}|${agent.account.name}`;
}

/** The key of an Agent or Identified Group; `undefined` for an Anonymous Group, which has no identity of its own. */
export function actorKey(actor: Actor): string | undefined {
  return isIdentified(actor) ? agentKey(actor) : undefined;
}

/** True for an Agent or an Identified Group, false for an Anonymous Group. */
export function isIdentified(actor: Actor): actor is Agent | IdentifiedGroup {
  return (
    actor.mbox !== undefined ||
    actor.mbox_sha1sum !== undefined ||
    actor.openid !== undefined ||
    actor.account !== undefined
  );
}

/**
 * Every key under which the Agent can be found. Data §2.4.2.3 (mbox_sha1sum): "An LRS MAY include Agents with a
 * matching hash when a request is based on an mbox", so an mbox Agent is also reachable by its hash.
 */
export function agentMatchKeys(agent: Agent | IdentifiedGroup): string[] {
  const key = agentKey(agent);
  return agent.mbox === undefined ? [key] : [key, `mbox_sha1sum:${sha1Mbox(agent.mbox)}`];
}
