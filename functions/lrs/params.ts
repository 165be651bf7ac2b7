import type { Agent, IdentifiedGroup } from '@parcours/xapi';
import { isIri, isTimestamp, isUuid, parseTimestamp, validateAgentParameter } from '@parcours/xapi';
import { badRequest } from './errors.ts';
import { isJsonObject, parseJsonBytes } from './json-body.ts';

/**
 * Query parameters of the LRS resources. Communication 3.2.s3.b7-b8: parameters the LRS does not recognise in their
 * context, and parameters matching known ones "in all but case", are rejected with 400.
 */
export function checkAllowed(query: Record<string, string>, allowed: readonly string[], where: string): void {
  for (const name of Object.keys(query)) {
    if (allowed.includes(name)) continue;
    const sameButCase = allowed.find((a) => a.toLowerCase() === name.toLowerCase());
    throw badRequest(
      'unknown-parameter',
      sameButCase
        ? `Parameter '${name}' must be spelled '${sameButCase}': parameter names are case-sensitive (Communication 3.2.s3.b8)`
        : `Parameter '${name}' is not recognised by ${where} (Communication 3.2.s3.b7)`,
    );
  }
}

export function requireParam(query: Record<string, string>, name: string): string {
  const v = query[name];
  if (v === undefined) throw badRequest('missing-parameter', `Parameter '${name}' is required`);
  return v;
}

export function iriParam(query: Record<string, string>, name: string, required: true): string;
export function iriParam(query: Record<string, string>, name: string, required?: false): string | undefined;
export function iriParam(query: Record<string, string>, name: string, required = false): string | undefined {
  const v = required ? requireParam(query, name) : query[name];
  if (v !== undefined && !isIri(v))
    throw badRequest('invalid-parameter', `Parameter '${name}' must be an IRI`);
  return v;
}

export function uuidParam(query: Record<string, string>, name: string): string | undefined {
  const v = query[name];
  if (v !== undefined && !isUuid(v))
    throw badRequest('invalid-parameter', `Parameter '${name}' must be a UUID`);
  return v;
}

/** Booleans "are represented as true or false as in JSON" (Communication 2.1.3 note). */
export function boolParam(query: Record<string, string>, name: string): boolean {
  const v = query[name];
  if (v === undefined) return false;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw badRequest('invalid-parameter', `Parameter '${name}' must be true or false`);
}

/** A Timestamp parameter, as a UTC instant truncated to the millisecond (the precision of `stored`). */
export function timestampParam(query: Record<string, string>, name: string): string | undefined {
  const v = query[name];
  if (v === undefined) return undefined;
  const parsed = isTimestamp(v) ? parseTimestamp(v) : undefined;
  if (!parsed)
    throw badRequest(
      'invalid-parameter',
      `Parameter '${name}' must be an ISO 8601 timestamp with a time zone`,
    );
  return new Date(parsed.epochMs).toISOString();
}

/** An `agent` parameter: JSON of an Agent or Identified Group, validated like a Statement's (Data 2.2.s4.b4). */
export function agentParam(
  query: Record<string, string>,
  name: string,
  required: true,
): Agent | IdentifiedGroup;
export function agentParam(
  query: Record<string, string>,
  name: string,
  required?: false,
): Agent | IdentifiedGroup | undefined;
export function agentParam(
  query: Record<string, string>,
  name: string,
  required = false,
): Agent | IdentifiedGroup | undefined {
  const raw = required ? requireParam(query, name) : query[name];
  if (raw === undefined) return undefined;
  const json = parseJsonBytes(Buffer.from(raw, 'utf8'), `Parameter '${name}'`);
  if (!isJsonObject(json))
    throw badRequest('invalid-parameter', `Parameter '${name}' must be a JSON Agent object`);
  const v = validateAgentParameter(json);
  if (!v.ok) throw badRequest('invalid-parameter', v.errors.join('; '), v.errors);
  return v.agent;
}
