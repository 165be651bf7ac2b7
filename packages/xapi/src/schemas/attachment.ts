import '@parcours/domain/zod-locale';
import * as z from 'zod/mini';
import type { Attachment } from '../types.ts';
import { iri, irl, languageMap, mediaType, sha2Hex } from './primitives.ts';

/** Data §2.6.s4.b1: the usageType and contentType of the Attachment that carries a Statement's signature. */
export const SIGNATURE_USAGE_TYPE = 'http://adlnet.gov/expapi/attachments/signature';
export const SIGNATURE_CONTENT_TYPE = 'application/octet-stream';

// xAPI 1.0.3 Data §2.4.11 Attachments: usageType (IRI), display (Language Map), contentType (Internet Media Type),
// length (Integer, octets) and sha2 are required; description (Language Map) and fileUrl (IRL) are optional.
export const attachment: z.ZodMiniType<Attachment> = z
  .strictObject({
    usageType: iri,
    display: languageMap,
    description: z.optional(languageMap),
    contentType: mediaType,
    // z.int as a check, as classic `.int(message)` was: as the base schema its message would also replace the
    // "not a string" and "not null" ones (Data 2.2.s4.b1).
    length: z
      .number()
      .check(
        z.int('must be a whole number of octets (Data 2.4.11)'),
        z.gte(0, 'must not be negative (Data 2.4.11)'),
      ),
    sha2: sha2Hex,
    fileUrl: z.optional(irl),
  })
  .check((ctx) => {
    // Data §2.6.s4.b1: the JWS goes "as an Attachment with a usageType of http://adlnet.gov/expapi/attachments/signature
    // and a contentType of application/octet-stream". Media types compare case-insensitively (RFC 2045 §5.1).
    const mediaType = ctx.value.contentType.split(';')[0]?.trim().toLowerCase();
    if (ctx.value.usageType === SIGNATURE_USAGE_TYPE && mediaType !== SIGNATURE_CONTENT_TYPE) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value.contentType,
        path: ['contentType'],
        message: `must be "${SIGNATURE_CONTENT_TYPE}" for a signature Attachment (Data 2.6.s4.b1)`,
      });
    }
  });
