/**
 * THE route table: every function (one per bounded context, see docs/architecture.md) and the routes each serves.
 * The CDK stack builds Lambdas, API routes, authorizers, grants and schedules from it; the local stack serves and
 * ticks from it; the authorization matrix test is generated from it. It holds metadata only: importing it loads no
 * schema and no handler (each context's `schemas.ts` and `handler.ts` are its Lambda's own).
 * Adding a route = one entry in its context's `context.ts`, its schemas in `schemas.ts`, its handler in
 * `handlers/<name>.ts` and one line in the context's `handler.ts` (the types refuse a missing one).
 */
import type { FunctionDef } from '@parcours/http/route-types';
import { catalogContext } from './catalog/context.ts';
import { lrsContext } from './lrs/context.ts';
import { peopleContext } from './people/context.ts';
import { remindersContext } from './reminders/context.ts';
import { reportsContext } from './reports/context.ts';
import { seedContext } from './seed/context.ts';
import { sessionsContext } from './sessions/context.ts';
import { streamContext } from './stream/context.ts';
import { transferContext } from './transfer/context.ts';

export const functions: readonly FunctionDef[] = [
  catalogContext,
  peopleContext,
  sessionsContext,
  transferContext,
  reportsContext,
  lrsContext,
  streamContext,
  remindersContext,
  seedContext,
];

/** Every HTTP route by name, with the context (function) that serves it. */
export const httpRoutes = {
  ...catalogContext.routes,
  ...peopleContext.routes,
  ...sessionsContext.routes,
  ...transferContext.routes,
  ...reportsContext.routes,
  ...lrsContext.routes,
};

export type HttpRouteName = keyof typeof httpRoutes;

export function handlerEntry(name: string): string {
  return `functions/${name}/handler.ts`;
}
