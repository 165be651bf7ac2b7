/**
 * The OpenAPI 3.1 document, generated at build time from every context's route metadata and schemas: the CDK stack
 * publishes it as a static file (`/api/openapi.json` on the web origin) and the local stack serves it at
 * `/openapi.json`. No Lambda imports this module (it would load every context's schemas).
 */
import type { HttpTrigger } from '@parcours/http/route-types';
import { toJSONSchema } from 'zod/mini';
import type * as core from 'zod/v4/core';
import { fullRoutes } from './route-schemas.ts';

type JsonSchema = Record<string, unknown>;

/**
 * Named schemas (zod `.meta({ id })`) shared by every operation. zod emits them as the schema's own `$defs` with
 * `#/$defs/…` references, which OpenAPI would resolve against the document root (where they do not exist): they
 * are hoisted here and the references rewritten. Input and output shapes differ (defaults), hence the suffix.
 */
let components: Record<string, JsonSchema> = {};

function rewriteRefs(value: unknown, suffix: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, suffix));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')
        ? `#/components/schemas/${v.slice('#/$defs/'.length)}${suffix}`
        : rewriteRefs(v, suffix);
  }
  return out;
}

function schemaOf(s: core.$ZodType, io: 'input' | 'output'): JsonSchema {
  const {
    $schema: _ignored,
    $defs,
    ...rest
  } = toJSONSchema(s, {
    io,
    unrepresentable: 'any',
    reused: 'inline',
  }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  const suffix = io === 'input' ? 'Input' : '';
  for (const [name, def] of Object.entries($defs ?? {})) {
    const hoisted = rewriteRefs(def, suffix) as JsonSchema;
    const existing = components[name + suffix];
    if (existing && JSON.stringify(existing) !== JSON.stringify(hoisted))
      throw new Error(`OpenAPI: two different schemas are named '${name + suffix}'`);
    components[name + suffix] = hoisted;
  }
  return rewriteRefs(rest, suffix) as JsonSchema;
}

const errorRef = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorRef } },
});

function parametersOf(route: HttpTrigger) {
  const out: Record<string, unknown>[] = [];
  const add = (obj: core.$ZodObject | undefined, where: 'path' | 'query') => {
    if (!obj) return;
    const js = schemaOf(obj, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(js.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema });
    }
  };
  add(route.params, 'path');
  add(route.query, 'query');
  return out;
}

/** OpenAPI 3.1 (JSON Schema 2020-12 dialect); `serverUrl` is where the API answers (`/api` behind the web origin). */
export function openApiDocument(serverUrl = '/'): Record<string, unknown> {
  components = {};
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(fullRoutes) as [string, HttpTrigger][]) {
    const op: Record<string, unknown> = {
      operationId: name,
      summary: route.summary,
      tags: [...route.tags],
      parameters: parametersOf(route),
      responses: {
        [String(route.successStatus ?? 200)]: {
          description: 'Success',
          ...(route.response
            ? { content: { 'application/json': { schema: schemaOf(route.response, 'output') } } }
            : {}),
        },
        '400': errorResponse('Invalid input'),
        ...(route.auth.kind === 'public'
          ? {}
          : { '401': errorResponse('Missing or invalid credentials'), '403': errorResponse('Not allowed') }),
        '500': errorResponse('Internal error (generic body)'),
      },
    };
    if (route.auth.kind === 'roles') {
      op['security'] = [{ bearer: [] }];
      op['x-roles'] = [...route.auth.roles];
    } else if (route.auth.kind === 'lrs-basic') {
      op['security'] = [{ lrsBasic: [] }];
    }
    if (route.body) {
      op['requestBody'] = {
        required: true,
        content: { 'application/json': { schema: schemaOf(route.body, 'input') } },
      };
    }
    paths[route.path] ??= {};
    // OpenAPI has no catch-all method: an ANY route (the LRS) is listed under each method it serves.
    const methods =
      route.method === 'ANY' ? ['get', 'head', 'put', 'post', 'delete'] : [route.method.toLowerCase()];
    for (const m of methods) {
      paths[route.path]![m] = methods.length > 1 ? { ...op, operationId: `${name}-${m}` } : op;
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parcours API',
      version: '0.1.0',
      description:
        "API de Parcours : sessions, inscriptions, progression et LRS xAPI des parcours de formation à l'innovation.",
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        lrsBasic: { type: 'http', scheme: 'basic' },
      },
      schemas: {
        ...components,
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
            },
          },
        },
      },
    },
  };
}
