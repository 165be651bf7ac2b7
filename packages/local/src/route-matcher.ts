import type { RouteMeta } from '@parcours/http/route-types';

export interface CompiledRoute<T> {
  trigger: RouteMeta;
  target: T;
  regex: RegExp;
  paramNames: string[];
  /** Literal routes win over parameterised ones, as in API Gateway. */
  specificity: number;
}

export function compileRoute<T>(trigger: RouteMeta, target: T): CompiledRoute<T> {
  const paramNames: string[] = [];
  let specificity = 0;
  const pattern = trigger.path
    .split('/')
    .map((seg) => {
      const greedy = /^\{(\w+)\+\}$/.exec(seg);
      if (greedy) {
        paramNames.push(greedy[1]!);
        return '(.+)';
      }
      const param = /^\{(\w+)\}$/.exec(seg);
      if (param) {
        paramNames.push(param[1]!);
        specificity += 1;
        return '([^/]+)';
      }
      specificity += 10;
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { trigger, target, regex: new RegExp(`^${pattern}$`), paramNames, specificity };
}

/** A path whose percent-escapes do not decode (`/sessions/%`, `%C0%AF`): API Gateway refuses it with 400. */
export function isMalformedPath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/** Matches a path already checked with `isMalformedPath` (so every segment decodes). */
export function matchRoute<T>(
  routes: CompiledRoute<T>[],
  method: string,
  path: string,
): { route: CompiledRoute<T>; params: Record<string, string> } | undefined {
  let best: { route: CompiledRoute<T>; params: Record<string, string> } | undefined;
  let bestScore = -1;
  for (const r of routes) {
    const exact = r.trigger.method === method;
    if (!exact && r.trigger.method !== 'ANY') continue;
    const m = r.regex.exec(path);
    if (!m) continue;
    // As in API Gateway: the more specific path wins, and at equal paths a method route beats ANY.
    const score = r.specificity * 2 + (exact ? 1 : 0);
    if (best && bestScore >= score) continue;
    bestScore = score;
    const params: Record<string, string> = {};
    r.paramNames.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1]!);
    });
    best = { route: r, params };
  }
  return best;
}
