import { createHash } from 'node:crypto';
import { getActivityDefinition } from '@parcours/store/xapi-activities';
import type { ActivityDefinition, Agent, IdentifiedGroup } from '@parcours/xapi';
import { agentParam, checkAllowed, iriParam } from './params.ts';
import type { LrsRequest } from './request.ts';
import { jsonResponse, type LrsResponse, XAPI_VERSION } from './response.ts';

/** The About, Agents and Activities resources (Communication 2.4, 2.5, 2.8). */

export function about(req: LrsRequest): LrsResponse {
  checkAllowed(req.query, [], 'GET about');
  // 2.8.s5.b1: "version" lists the latest patch this LRS conforms to for each major version.
  return jsonResponse(200, { version: [XAPI_VERSION, '1.0.2', '1.0.1', '1.0.0'] });
}

/** 2.4.s3.b3: with nothing more known, the Person holds what the request gave. Arrays, one IFI per entry. */
export function personOf(agent: Agent | IdentifiedGroup): Record<string, unknown> {
  return {
    objectType: 'Person',
    ...(agent.name !== undefined ? { name: [agent.name] } : {}),
    ...(agent.mbox !== undefined ? { mbox: [agent.mbox] } : {}),
    ...(agent.mbox_sha1sum !== undefined ? { mbox_sha1sum: [agent.mbox_sha1sum] } : {}),
    ...(agent.openid !== undefined ? { openid: [agent.openid] } : {}),
    ...(agent.account !== undefined ? { account: [agent.account] } : {}),
  };
}

function withEtag(res: LrsResponse): LrsResponse {
  const etag = createHash('sha1')
    .update(res.body ?? '')
    .digest('hex');
  return { ...res, headers: { ...res.headers, etag: `"${etag}"` } };
}

export function agents(req: LrsRequest): LrsResponse {
  checkAllowed(req.query, ['agent'], 'GET agents');
  return withEtag(jsonResponse(200, personOf(agentParam(req.query, 'agent', true))));
}

export async function activities(req: LrsRequest): Promise<LrsResponse> {
  checkAllowed(req.query, ['activityId'], 'GET activities');
  const id = iriParam(req.query, 'activityId', true);
  const json = await getActivityDefinition(id);
  // 2.5.s2.b1: without a canonical definition, still an Activity Object.
  const definition = json === undefined ? undefined : (JSON.parse(json) as ActivityDefinition);
  return withEtag(jsonResponse(200, { objectType: 'Activity', id, ...(definition ? { definition } : {}) }));
}
