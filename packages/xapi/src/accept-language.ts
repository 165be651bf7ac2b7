import type { LanguageMap } from './types.ts';

/**
 * Language choice for `format=canonical` (Communication §2.1.3.s4.b5): "the LRS MUST apply the 'Accept-Language'
 * header as described in RFC 2616 (HTTP 1.1), except that this logic MUST be applied to each language map
 * individually to select which language entry to include".
 */

/**
 * The language ranges of an Accept-Language header, most preferred first (RFC 2616 §14.4): sorted by q-value, ties
 * kept in header order, ranges with q=0 ("not acceptable") dropped.
 */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { range: range.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.range !== '' && Number.isFinite(entry.q) && entry.q > 0);
  return ranges.sort((a, b) => b.q - a.q || a.index - b.index).map((entry) => entry.range);
}

/** RFC 2616 §14.4: a range matches a tag it equals, or of which it is a prefix followed by "-"; "*" matches any. */
function rangeMatches(range: string, tag: string): boolean {
  const r = range.toLowerCase();
  const t = tag.toLowerCase();
  return r === '*' || t === r || t.startsWith(`${r}-`);
}

/**
 * The key of `map` to show for the given preferences: the first preference (in order) that matches a key per RFC 2616.
 * When none does, a preference shortened to its primary language ("fr-FR" to "fr") is tried, then the map's first
 * key: the LRS "MUST return only one language in each of these maps" (Communication §2.1.3.s4.b1) even then.
 */
export function pickLanguage(map: LanguageMap, preferences: readonly string[]): string | undefined {
  const keys = Object.keys(map);
  for (const range of preferences) {
    const exact = keys.find((key) => key.toLowerCase() === range.toLowerCase());
    const match = exact ?? keys.find((key) => rangeMatches(range, key));
    if (match !== undefined) return match;
  }
  for (const range of preferences) {
    const primary = range.split('-')[0] ?? '';
    const match = keys.find((key) => primary !== '*' && rangeMatches(primary, key));
    if (match !== undefined) return match;
  }
  return keys[0];
}

/** The map reduced to its one chosen entry (unchanged when empty). */
export function filterLanguageMap(map: LanguageMap, preferences: readonly string[]): LanguageMap {
  const key = pickLanguage(map, preferences);
  const value = key === undefined ? undefined : map[key];
  return key === undefined || value === undefined ? map : { [key]: value };
}
