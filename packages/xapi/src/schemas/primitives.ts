import '@parcours/domain/zod-locale';
import * as z from 'zod/mini';
import {
  isIri,
  isIrl,
  isMailtoIri,
  isMediaType,
  isSha1Hex,
  isSha2Hex,
  isUri,
  isUuid,
} from '../formats/identifiers.ts';
import { isDuration, isTimestamp } from '../formats/iso8601.ts';
import { isLanguageTag } from '../formats/language-tag.ts';
import type { Extensions, JsonValue, LanguageMap } from '../types.ts';

/**
 * Zod schemas for the typed strings and maps every part of a Statement uses. The messages are the ones the LRS returns
 * in its 400 responses, so they name the rule and the spec section it comes from.
 */

export const iri = z
  .string()
  .check(z.refine(isIri, 'must be an IRI with a scheme, e.g. "https://example.org/a" (Data 4.3)'));
export const irl = z
  .string()
  .check(z.refine(isIrl, 'must be an IRL with a scheme, e.g. "https://example.org/a" (Data 4.3)'));
export const uri = z.string().check(z.refine(isUri, 'must be an absolute URI (Data 2.4.2.3)'));
export const uuid = z.string().check(z.refine(isUuid, 'must be a UUID in standard string form (Data 4.4)'));
export const mailtoIri = z
  .string()
  .check(
    z.refine(isMailtoIri, 'must be a mailto IRI, "mailto:" followed by an e-mail address (Data 2.4.2.3)'),
  );
export const sha1Hex = z
  .string()
  .check(z.refine(isSha1Hex, 'must be the 40 hex digits of a SHA-1 hash (Data 2.4.2.3)'));
export const sha2Hex = z
  .string()
  .check(z.refine(isSha2Hex, 'must be the hex digits of a SHA-2 hash (Data 2.4.11)'));
export const mediaType = z
  .string()
  .check(z.refine(isMediaType, 'must be an Internet Media Type, e.g. "text/plain" (Data 2.4.11)'));
export const languageTag = z
  .string()
  .check(z.refine(isLanguageTag, 'must be an RFC 5646 language tag, e.g. "fr-FR"'));
export const timestamp = z
  .string()
  .check(
    z.refine(
      isTimestamp,
      'must be an ISO 8601 timestamp with a time zone other than -00:00, e.g. "2024-05-18T05:32:34.804Z" (Data 4.5)',
    ),
  );
export const duration = z
  .string()
  .check(z.refine(isDuration, 'must be an ISO 8601 duration such as "PT1H30M" or "P4W" (Data 4.6)'));

/**
 * Data §2.4.10: "An LRS MUST accept all Statements where their version starts with 1.0." and "MUST reject all
 * Statements with a version specified that does not start with 1.0." The format is the version header's
 * (Semantic Versioning 1.0.0), where "1.0" is also accepted (Communication §3.3.s3.b3).
 */
const VERSION = /^1\.0(?:\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?)?$/;
export const version = z
  .string()
  .check(z.refine((value) => VERSION.test(value), 'must be "1.0.0" or another 1.0.x version (Data 2.4.10)'));

/**
 * Data §2.2.s2.b1: "Statements and other objects SHOULD NOT include properties with a value of an empty object." The
 * ADL conformance suite (XAPI-00001) expects the LRS to reject them, so objects defined by the spec must not be empty;
 * extensions maps are the exception the suite names.
 */
export function notEmpty(ctx: { value: object; issues: z.core.$ZodRawIssue[] }): void {
  if (Object.keys(ctx.value).length === 0) {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: 'must not be an empty object (Data 2.2.s2.b1)',
    });
  }
}

/**
 * Data §4.2 Language Maps: keys are RFC 5646 language tags (§2.2.s4.b2 makes the LRS validate them), values are
 * strings. An empty map carries nothing and is rejected like any empty object.
 */
export const languageMap: z.ZodMiniType<LanguageMap> = z.record(z.string(), z.string()).check((ctx) => {
  notEmpty(ctx);
  for (const key of Object.keys(ctx.value)) {
    if (!isLanguageTag(key)) {
      ctx.issues.push({
        code: 'custom',
        input: key,
        path: [key],
        message: 'key must be an RFC 5646 language tag, e.g. "fr-FR" (Data 4.2)',
      });
    }
  }
});

/**
 * Data §4.1 Extensions: "The keys of an extensions map MUST be IRIs" and "An LRS MUST NOT reject a Statement based on
 * the values of the extensions map": values are passed through untouched (null included, §2.2.s4.b1.b1).
 */
const anyJson = z.custom<JsonValue>(() => true);
export const extensions: z.ZodMiniType<Extensions> = z.record(z.string(), anyJson).check((ctx) => {
  for (const key of Object.keys(ctx.value)) {
    if (!isIri(key)) {
      ctx.issues.push({
        code: 'custom',
        input: key,
        path: [key],
        message: 'extension key must be an IRI with a scheme (Data 4.1)',
      });
    }
  }
});
