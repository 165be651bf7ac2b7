/**
 * Request limits, written once: the local adapter enforces the same ones API Gateway applies on AWS, and every JSON
 * parser of the API (strict JSON bodies, the LRS's statements, documents and signatures) uses the same depth bound.
 */
export const LIMITS = {
  /** API Gateway HTTP API's payload quota (10 MB): beyond it AWS answers 413 before any Lambda runs. */
  requestBytes: 10 * 1024 * 1024,
  /**
   * Deepest JSON nesting accepted (objects and arrays). xAPI Statements nest about 8 levels (a sub-statement's
   * context extensions); 64 leaves room for any real extension value, and bounds the recursion of every later
   * step (validation, hashing, storage marshalling) far below the stack's limit.
   */
  jsonDepth: 64,
} as const;

/**
 * Whether `text` nests objects/arrays deeper than `max`, by one pass over the characters (no recursion, no parse):
 * brackets inside strings do not count.
 */
export function jsonTooDeep(text: string, max: number = LIMITS.jsonDepth): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

export const JSON_TOO_DEEP_MESSAGE = `JSON nests deeper than ${LIMITS.jsonDepth} levels`;
