import type { HttpTrigger } from '@parcours/http/route-types';

export interface CompiledRoute<T> {
  trigger: HttpTrigger;
  target: T;
  regex: RegExp;
  paramNames: string[];
  /** Literal routes win over parameterised ones, as in API Gateway. */
  specificity: number;
}

export function compileRoute<T>(trigger: HttpTrigger, target: T): CompiledRoute<T> {
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

export function matchRoute<T>(
  routes: CompiledRoute<T>[],
  method: string,
  path: string,
): { route: CompiledRoute<T>; params: Record<string, string> } | undefined {
  let best: { route: CompiledRoute<T>; params: Record<string, string> } | undefined;
  for (const r of routes) {
    if (r.trigger.method !== method) continue;
    const m = r.regex.exec(path);
    if (!m) continue;
    if (best && best.route.specificity >= r.specificity) continue;
    const params: Record<string, string> = {};
    r.paramNames.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1]!);
    });
    best = { route: r, params };
  }
  return best;
}
