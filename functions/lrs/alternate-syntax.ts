import { badRequest } from './errors.ts';
import { type LrsRequest, mediaTypeOf } from './request.ts';

/**
 * Alternate Request Syntax (Communication 1.3): a POST with `?method=X` and a form body carrying the real content
 * (`content`), some headers, and the query parameters. Pure: returns the request the LRS must then process.
 */

/** Headers that may travel as form parameters (1.3.s3.b6), compared case-insensitively like HTTP header names. */
const FORM_HEADERS = new Set([
  'authorization',
  'x-experience-api-version',
  'content-type',
  'content-length',
  'if-match',
  'if-none-match',
]);

const METHODS = new Set(['GET', 'HEAD', 'PUT', 'POST', 'DELETE']);
const FORM_TYPE = 'application/x-www-form-urlencoded';

export function applyAlternateSyntax(req: LrsRequest): LrsRequest {
  const hasMethod = Object.hasOwn(req.query, 'method');
  const isForm = mediaTypeOf(req.headers['content-type']) === FORM_TYPE;
  if (!hasMethod) {
    // 3.2.s3.b6: "If the content type is application/x-www-form-urlencoded it is expected that the request will include
    // a method parameter". A PUT may legitimately store a form-encoded document; a POST of statements or documents
    // with that type and no method is this syntax gone wrong.
    if (req.method === 'POST' && isForm) {
      throw badRequest(
        'alternate-syntax',
        'A form-encoded POST must give the intended method as ?method= (Communication 1.3)',
      );
    }
    return req;
  }
  if (req.method !== 'POST') {
    throw badRequest(
      'alternate-syntax',
      'The alternate request syntax is only used with POST (Communication 1.3.s3.b1)',
    );
  }
  const others = Object.keys(req.query).filter((k) => k !== 'method');
  if (others.length > 0) {
    throw badRequest(
      'alternate-syntax',
      `With ?method=, every other parameter goes in the form body, not the query string: ${others.join(', ')} (Communication 1.3.s3.b3)`,
    );
  }
  const method = req.query['method'] ?? '';
  if (!METHODS.has(method)) {
    throw badRequest('alternate-syntax', `Unsupported method '${method}' (GET, HEAD, PUT, POST or DELETE)`);
  }
  if (!isForm) {
    throw badRequest(
      'alternate-syntax',
      `The alternate request syntax requires Content-Type ${FORM_TYPE} (Communication 1.3.s3.b9)`,
    );
  }
  const headers: Record<string, string> = { ...req.headers };
  // The form's own Content-Type/Length describe the outer request: drop them, the form may redefine them for content.
  delete headers['content-type'];
  delete headers['content-length'];
  const query: Record<string, string> = {};
  let body: Buffer | undefined;
  const seen = new Set<string>();
  // 1.3.s3.b5: "The LRS MUST interpret this content as a UTF-8 string."
  for (const [name, value] of new URLSearchParams((req.body ?? Buffer.alloc(0)).toString('utf8'))) {
    if (seen.has(name)) throw badRequest('duplicate-parameter', `Form parameter '${name}' is given twice`);
    seen.add(name);
    if (name === 'content') body = Buffer.from(value, 'utf8');
    else if (FORM_HEADERS.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
    else query[name] = value; // 1.3.s3.b14: every other form parameter is a query parameter.
  }
  if (body !== undefined && headers['content-type'] === undefined)
    headers['content-type'] = 'application/json';
  return { ...req, method, query, headers, body, alternate: true };
}
