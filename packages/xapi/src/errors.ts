import type { z } from 'zod/mini';

/**
 * Turns zod issues into the one-line messages the LRS returns with a 400: `<JSON path>: <what is wrong>`, e.g.
 * `statement.actor.mbox: must be a mailto IRI ...`. Communication §3.2.s3.b2: "An LRS SHOULD return a message in the
 * response explaining the cause of the error."
 */

type Issue = z.core.$ZodIssue;
type PathSegment = PropertyKey;

/** Every property name the Statement data model defines, to suggest the right spelling of a mis-cased key. */
const SPEC_PROPERTIES = (
  'id actor verb object result context timestamp stored authority version attachments objectType ' +
  'name mbox mbox_sha1sum openid account homePage member display definition description type ' +
  'moreInfo interactionType correctResponsesPattern choices scale source target steps extensions ' +
  'score scaled raw min max success completion response duration registration instructor team ' +
  'contextActivities parent grouping category other revision platform language statement usageType ' +
  'contentType length sha2 fileUrl'
).split(' ');
const BY_LOWER_CASE = new Map(SPEC_PROPERTIES.map((name) => [name.toLowerCase(), name]));

/** `statement.context.contextActivities.parent[0]`, `statement.verb.display["en-US"]`. */
export function formatPath(root: string, path: readonly PathSegment[]): string {
  let text = root;
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) text += `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

const EXPECTED: Record<string, string> = {
  object: 'an object',
  record: 'an object',
  array: 'an array',
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
};

/**
 * Per-parse error map for the issues whose default zod wording would be vague. Messages set on a schema itself take
 * precedence over this one.
 */
export function issueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is required';
    // Data §2.2.s4.b1.b1: "The LRS MUST reject Statements with any null values (except inside extensions)."
    if (issue.input === null) return 'must not be null (Data 2.2.s4.b1.b1)';
    const expected = EXPECTED[issue.expected] ?? issue.expected;
    // JSON.parse turns out-of-range literals such as 1e400 into Infinity.
    if (issue.expected === 'number' && typeof issue.input === 'number') return 'must be a finite number';
    // Data §2.2.s4.b1.b2-b3: strings are rejected where numbers or booleans are required, "even if those strings
    // contain numbers"/"booleans".
    if (issue.expected === 'number' && typeof issue.input === 'string') {
      return 'must be a number, not a string (Data 2.2.s4.b1.b2)';
    }
    if (issue.expected === 'boolean' && typeof issue.input === 'string') {
      return 'must be a boolean, not a string (Data 2.2.s4.b1.b3)';
    }
    return `must be ${expected}, not ${typeName(issue.input)}`;
  }
  if (issue.code === 'invalid_value') {
    // Data §2.2.s4.b1.b6: enumerated values must match "exactly", case included.
    const values = issue.values.map((value) => JSON.stringify(value));
    return values.length === 1
      ? `must be ${values[0]} (case-sensitive)`
      : `must be one of ${values.join(', ')} (case-sensitive, Data 2.2.s4.b1.b6)`;
  }
  return undefined;
}

interface Located {
  path: readonly PathSegment[];
  message: string;
}

/** An alternative of a union that failed only because the value was of another JSON type altogether. */
function isWrongTypeBranch(branch: readonly Issue[]): boolean {
  const [only] = branch;
  return branch.length === 1 && only?.code === 'invalid_type' && only.path.length === 0;
}

function locate(issue: Issue, prefix: readonly PathSegment[]): Located[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    // Data §2.2.s4.b1.b5 and b7: unknown keys, and keys whose case differs from the spec, are rejected.
    return issue.keys.map((key) => {
      const known = BY_LOWER_CASE.get(key.toLowerCase());
      const hint =
        known && known !== key ? `; did you mean "${known}"? Property names are case-sensitive` : '';
      return { path: [...path, key], message: `is not an allowed property here${hint} (Data 2.2.s4.b1.b7)` };
    });
  }
  if (issue.code === 'invalid_union') {
    if (issue.discriminator !== undefined && issue.errors.length === 0) {
      const options = ('options' in issue ? (issue.options ?? []) : []).filter(
        (option) => typeof option === 'string',
      );
      return [
        { path, message: `must be one of ${options.map((o) => `"${o}"`).join(', ')} (case-sensitive)` },
      ];
    }
    // A union of shapes (e.g. "an Activity or an array of Activities"): report the alternative the value was meant
    // to be, that is the one that did not fail on the JSON type itself.
    const meant = issue.errors.filter((branch) => !isWrongTypeBranch(branch));
    const [branch] = meant;
    if (meant.length === 1 && branch) return branch.flatMap((inner) => locate(inner, path));
    const expected = issue.errors
      .map((alternative) => alternative[0])
      .map((first) =>
        first?.code === 'invalid_type' ? (EXPECTED[first.expected] ?? first.expected) : undefined,
      )
      .filter((name) => name !== undefined);
    return [{ path, message: expected.length > 0 ? `must be ${expected.join(' or ')}` : issue.message }];
  }
  return [{ path, message: issue.message }];
}

/** Formats zod issues as `<root><path>: <message>` lines, in the order zod reported them, without duplicates. */
export function formatIssues(root: string, issues: readonly Issue[]): string[] {
  const lines = issues
    .flatMap((issue) => locate(issue, []))
    .map((l) => `${formatPath(root, l.path)}: ${l.message}`);
  return [...new Set(lines)];
}
