/**
 * RFC 5646 language tags ("BCP 47"), as required for language map keys (xAPI 1.0.3 Data §2.2.s3.b2, §4.2) and for
 * `context.language` (Data §2.4.6.s3).
 *
 * Data §2.2.s4.b2: "The LRS MUST at least validate that the sequence of token lengths for language map keys matches
 * the RFC 5646 standard." This goes a little further and checks the RFC 5646 §2.1 ABNF (subtag kinds and their order)
 * plus the two §2.2.5/§2.2.6 uniqueness rules that make a tag invalid (repeated variant, repeated extension
 * singleton). It does not check subtags against the IANA registry.
 */

// RFC 5646 §2.1 irregular grandfathered tags (the regular ones already match the langtag production).
const IRREGULAR_GRANDFATHERED = new Set([
  'en-gb-oed',
  'i-ami',
  'i-bnn',
  'i-default',
  'i-enochian',
  'i-hak',
  'i-klingon',
  'i-lux',
  'i-mingo',
  'i-navajo',
  'i-pwn',
  'i-tao',
  'i-tay',
  'i-tsu',
  'sgn-be-fr',
  'sgn-be-nl',
  'sgn-ch-de',
]);

const LANGUAGE = '(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})';
const SCRIPT = '(?:-[a-z]{4})?';
const REGION = '(?:-(?:[a-z]{2}|[0-9]{3}))?';
const VARIANTS = '((?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*)';
// A singleton is any alphanumeric but "x", which introduces the private-use part.
const EXTENSIONS = '((?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*)';
const PRIVATE_USE = '(?:-x(?:-[a-z0-9]{1,8})+)?';
const LANGTAG = new RegExp(`^${LANGUAGE}${SCRIPT}${REGION}${VARIANTS}${EXTENSIONS}${PRIVATE_USE}$`);
const PRIVATE_USE_ONLY = /^x(?:-[a-z0-9]{1,8})+$/;

function allDistinct(values: string[]): boolean {
  return new Set(values).size === values.length;
}

/** True when `tag` is a well-formed RFC 5646 language tag (case-insensitive, RFC 5646 §2.1.1). */
export function isLanguageTag(tag: string): boolean {
  const lower = tag.toLowerCase();
  if (IRREGULAR_GRANDFATHERED.has(lower) || PRIVATE_USE_ONLY.test(lower)) return true;
  const match = LANGTAG.exec(lower);
  if (!match) return false;
  const variants = (match[1] ?? '').split('-').filter(Boolean);
  // Extension singletons are the one-character subtags of the extensions part.
  const singletons = (match[2] ?? '').split('-').filter((subtag) => subtag.length === 1);
  return allDistinct(variants) && allDistinct(singletons);
}
