import { isIdentified } from './agent-key.ts';
import { formatIssues, issueMessage } from './errors.ts';
import { actor as actorSchema } from './schemas/agent.ts';
import { statement as statementSchema } from './schemas/statement.ts';
import type { Agent, IdentifiedGroup, Statement } from './types.ts';

/**
 * Entry points of Statement validation: xAPI 1.0.3 Part Two (Data) for each Statement, and the batch rules of
 * Communication §2.1.2 for POSTed arrays. The returned Statements are normalised (objectType filled in,
 * contextActivities as arrays, see types.ts); nothing the LRS assigns (id, stored, authority, version) is added here.
 */

export type StatementValidation = { ok: true; statement: Statement } | { ok: false; errors: string[] };
export type StatementsValidation = { ok: true; statements: Statement[] } | { ok: false; errors: string[] };

/** Validates one Statement, naming it `root` in error paths (e.g. `statements[3]`, `signature.payload`). */
export function validateStatementAt(input: unknown, root: string): StatementValidation {
  const parsed = statementSchema.safeParse(input, { error: issueMessage });
  return parsed.success
    ? { ok: true, statement: parsed.data }
    : { ok: false, errors: formatIssues(root, parsed.error.issues) };
}

/** Validates one Statement; errors read `statement.<path>: <message>`. */
export function validateStatement(input: unknown): StatementValidation {
  return validateStatementAt(input, 'statement');
}

/**
 * Validates the body of a POST to the Statement Resource: "An array of Statements or a single Statement"
 * (Communication §2.1.2.s1). Communication §3.2.s3.b9: "The LRS MUST reject a batch of statements if any Statement
 * within that batch is rejected", so the result is all or nothing; §2.1.2.s2.b6: a batch "containing two or more
 * Statements with the same id" SHOULD* be rejected too. Errors read `statements[i].<path>: <message>`.
 */
export function validateStatements(input: unknown): StatementsValidation {
  if (!Array.isArray(input)) {
    const single = validateStatement(input);
    return single.ok ? { ok: true, statements: [single.statement] } : single;
  }
  const statements: Statement[] = [];
  const errors: string[] = [];
  const firstIndexById = new Map<string, number>();
  input.forEach((item, index) => {
    const result = validateStatementAt(item, `statements[${index}]`);
    if (!result.ok) {
      errors.push(...result.errors);
      return;
    }
    statements.push(result.statement);
    const id = result.statement.id?.toLowerCase();
    if (id === undefined) return;
    const first = firstIndexById.get(id);
    if (first === undefined) firstIndexById.set(id, index);
    else
      errors.push(
        `statements[${index}].id: duplicates the id of statements[${first}] (Communication 2.1.2.s2.b6)`,
      );
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, statements };
}

export type AgentValidation = { ok: true; agent: Agent | IdentifiedGroup } | { ok: false; errors: string[] };

/**
 * Validates the `agent` parameter of the Statement, State and Agents resources: an "Agent or Identified Group Object
 * (JSON)" (Communication §2.1.3 table). Data §2.2.s4.b4: "The LRS MUST validate parameter values to the same standards
 * required for values of the same types in Statements." Pass the parsed JSON; errors read `agent.<path>: <message>`.
 */
export function validateAgentParameter(input: unknown): AgentValidation {
  const parsed = actorSchema.safeParse(input, { error: issueMessage });
  if (!parsed.success) return { ok: false, errors: formatIssues('agent', parsed.error.issues) };
  return isIdentified(parsed.data)
    ? { ok: true, agent: parsed.data }
    : { ok: false, errors: ['agent: must be an Agent or an Identified Group, not an Anonymous Group'] };
}
