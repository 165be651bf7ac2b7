import { nowIso } from '@parcours/domain/clock';
import { conflict, invalid, notFound } from '@parcours/domain/errors';
import { keys } from '@parcours/store';
import {
  getLrsClient,
  type LrsClientItem,
  listLrsClients,
  putLrsClient,
  revokeLrsClient,
  rotateLrsClientSecret,
} from '@parcours/store/lrs-client-repo';
import { DEFAULT_SCOPES } from './scopes.ts';
import { hashSecret, newKey, newSecret } from './secrets.ts';

/** Management of LRS client credentials by the lab (issue 8): the secret is returned once, then only its hash exists. */

export interface LrsClientView {
  key: string;
  name: string;
  scopes: string[];
  createdAt: string;
  createdBy: string;
  validUntil?: string;
  rotatedAt?: string;
  revokedAt?: string;
  status: 'active' | 'expired' | 'revoked';
}

export function toClientView(c: LrsClientItem, now = nowIso()): LrsClientView {
  return {
    key: c.key,
    name: c.name,
    scopes: c.scopes,
    createdAt: c.createdAt,
    createdBy: c.createdBy,
    ...(c.validUntil ? { validUntil: c.validUntil } : {}),
    ...(c.rotatedAt ? { rotatedAt: c.rotatedAt } : {}),
    ...(c.revokedAt ? { revokedAt: c.revokedAt } : {}),
    status: c.revokedAt ? 'revoked' : c.validUntil && c.validUntil <= now ? 'expired' : 'active',
  };
}

export async function createLrsClient(input: {
  name: string;
  scopes?: string[] | undefined;
  validUntil?: string | undefined;
  by: string;
  /** Fixed credentials (the local demo only); random otherwise. */
  fixed?: { key: string; secret: string };
}): Promise<LrsClientView & { secret: string }> {
  const now = nowIso();
  if (input.validUntil && input.validUntil <= now)
    throw invalid('valid-until-past', 'validUntil must be in the future');
  const key = input.fixed?.key ?? newKey();
  const secret = input.fixed?.secret ?? newSecret();
  const item: LrsClientItem = {
    ...keys.lrsClient.item(key),
    sk: 'client',
    entity: 'lrs-client',
    key,
    clientId: key,
    name: input.name,
    scopes: [...new Set(input.scopes?.length ? input.scopes : DEFAULT_SCOPES)],
    secretHash: await hashSecret(secret),
    createdAt: now,
    createdBy: input.by,
    updatedBy: input.by,
    ...(input.validUntil ? { validUntil: new Date(input.validUntil).toISOString() } : {}),
    ...keys.lrsClient.listed(now, key),
  };
  if (!(await putLrsClient(item))) throw conflict('lrs-client-exists', 'This key already exists');
  return { ...toClientView(item, now), secret };
}

export async function listClients(): Promise<LrsClientView[]> {
  const now = nowIso();
  return (await listLrsClients()).map((c) => toClientView(c, now));
}

export async function rotateClient(key: string, by: string): Promise<LrsClientView & { secret: string }> {
  const existing = await getLrsClient(key);
  if (!existing) throw notFound('lrs-client', key);
  if (existing.revokedAt) throw invalid('lrs-client-revoked', 'A revoked credential cannot be rotated');
  const secret = newSecret();
  const updated = await rotateLrsClientSecret(key, await hashSecret(secret), by, nowIso());
  if (!updated) throw invalid('lrs-client-revoked', 'A revoked credential cannot be rotated');
  return { ...toClientView(updated), secret };
}

export async function revokeClient(key: string, by: string): Promise<LrsClientView> {
  const updated = await revokeLrsClient(key, by, nowIso());
  if (!updated) throw notFound('lrs-client', key);
  return toClientView(updated);
}

/** The local stack's demo credential: fixed, public values (local only), created once. */
export const DEMO_LRS_CLIENT = { key: 'parcours-demo', secret: 'parcours-demo-secret' } as const;

export async function ensureDemoLrsClient(): Promise<typeof DEMO_LRS_CLIENT> {
  if (!(await getLrsClient(DEMO_LRS_CLIENT.key))) {
    await createLrsClient({
      name: 'Démo locale',
      scopes: ['all'],
      by: 'local-stack',
      fixed: DEMO_LRS_CLIENT,
    }).catch((e: unknown) => {
      // A concurrent start created it first: fine.
      if (!(e instanceof Error && e.message.includes('already exists'))) throw e;
    });
  }
  return DEMO_LRS_CLIENT;
}
