/**
 * The routes of one kind of catalogue item — the same eight for modules, paths, sites, competencies and services
 * (services have no DELETE: people's profiles name them, and nothing counts those references). Reads are public (the
 * catalogue is what learners browse); every change is the lab's.
 */
import type { RouteMeta } from '@parcours/http/route-types';
import { PUBLIC, roles } from '../shared/access.ts';

const LAB = roles('lab');

export function kindRoutes<P extends string>(plural: P, one: string) {
  const base = `/${plural}`;
  const item = `${base}/{id}`;
  const tags = ['catalog'];
  return {
    [`${plural}-list`]: {
      method: 'GET',
      path: base,
      auth: PUBLIC,
      summary: `List the ${plural} (archived ones flagged)`,
      tags,
    },
    [`${plural}-get`]: { method: 'GET', path: item, auth: PUBLIC, summary: `One ${one}`, tags },
    [`${plural}-create`]: {
      method: 'POST',
      path: base,
      auth: LAB,
      summary: `Create a ${one} (its id never changes)`,
      tags,
      successStatus: 201,
    },
    [`${plural}-update`]: {
      method: 'PUT',
      path: item,
      auth: LAB,
      summary: `Edit a ${one}: send the version you loaded (409 stale-version if someone saved since)`,
      tags,
    },
    [`${plural}-archive`]: {
      method: 'POST',
      path: `${item}/archive`,
      auth: LAB,
      summary: `Archive a ${one}: kept for history, no longer offered`,
      tags,
    },
    [`${plural}-restore`]: {
      method: 'POST',
      path: `${item}/restore`,
      auth: LAB,
      summary: `Restore an archived ${one}`,
      tags,
    },
    [`${plural}-history`]: {
      method: 'GET',
      path: `${item}/history`,
      auth: LAB,
      summary: `Every change of a ${one}: who, when, which fields`,
      tags,
    },
  } as unknown as Record<
    `${P}-${'list' | 'get' | 'create' | 'update' | 'archive' | 'restore' | 'history'}`,
    RouteMeta
  >;
}

export function deleteRoute<P extends string>(plural: P, one: string) {
  return {
    [`${plural}-delete`]: {
      method: 'DELETE',
      path: `/${plural}/{id}`,
      auth: LAB,
      summary: `Delete a ${one} nothing uses (?version=…); otherwise 409 catalog-item-in-use: archive it`,
      tags: ['catalog'],
      successStatus: 204,
    },
  } as unknown as Record<`${P}-delete`, RouteMeta>;
}
