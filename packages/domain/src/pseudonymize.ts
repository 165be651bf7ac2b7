/**
 * Rewrites every xAPI Agent that identifies an erased person into a pseudonymous account, anywhere in a statement
 * (actor, object, instructor, team members, authority, SubStatements). Pure and total: other agents are untouched.
 * Display names go with the identity (`name` is removed from the rewritten agent).
 */
export interface ErasedIdentity {
  accountHomePage: string;
  accountName: string;
  /** `mailto:` IRIs and their SHA-1 sums the person was known by, if outside tools used them. */
  mboxes: string[];
  mboxSha1sums: string[];
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isTheirs(o: { [k: string]: Json }, who: ErasedIdentity): boolean {
  const account = o['account'];
  if (account && typeof account === 'object' && !Array.isArray(account)) {
    if (account['homePage'] === who.accountHomePage && account['name'] === who.accountName) return true;
  }
  if (typeof o['mbox'] === 'string' && who.mboxes.includes(o['mbox'].toLowerCase())) return true;
  if (typeof o['mbox_sha1sum'] === 'string' && who.mboxSha1sums.includes(o['mbox_sha1sum'].toLowerCase()))
    return true;
  return false;
}

export function pseudonymizeStatement<T>(
  statement: T,
  who: ErasedIdentity,
  pseudonym: { homePage: string; name: string },
): { result: T; changed: boolean } {
  let changed = false;
  const walk = (v: Json): Json => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    if (isTheirs(v, who)) {
      changed = true;
      const { name: _name, mbox: _m, mbox_sha1sum: _s, openid: _o, account: _a, ...rest } = v;
      return {
        ...Object.fromEntries(Object.entries(rest).map(([k, x]) => [k, walk(x)])),
        account: { ...pseudonym },
      };
    }
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
  };
  const result = walk(statement as Json) as T;
  return { result, changed };
}
