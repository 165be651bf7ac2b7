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

function schemaOf(s: core.$ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = toJSONSchema(s, {
    io,
    unrepresentable: 'any',
    reused: 'inline',
  }) as JsonSchema;
  return rest;
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
