import { createHash } from 'node:crypto';
import { questionnaire, transferSettings } from '@parcours/domain/content/transfer-content';
import { leadKindOf, pathIdsOf, periodOf } from '@parcours/domain/transfer/delivery';
import { importDeliveredSession } from '@parcours/store/attendance-import';
import { importEvaluationResponse } from '@parcours/store/evaluation-repo';
import { fetchDemoCatalog } from './demo-catalog.ts';
import { DEMO_USERS } from './demo-users.ts';
import type { LocalIdentity } from './local-identity.ts';

/**
 * The trainer-transfer part of the demo (docs/transfer.md, "Demo"): the programme is part-way through its transfer.
 *
 * - The registry: six internal trainers (home services) and three external ones (two provider organisations); the
 *   providers' leads are recognised as certified on every module from the programme start.
 * - The sessions of the demo programme that are over are recorded as delivered: attendance imported as counts (the
 *   history before Parcours, with no per-learner enrolment) and the session marked completed; each gets a handful
 *   of anonymous satisfaction responses (external-led around 4.6; internal-led holding around 4.5, except
 *   storytelling, where it drops: an alert).
 * - Then the ladders move: internal trainers who led under a provider's observation are signed off by that
 *   provider; a few who meet the certification criteria are certified by the lab.
 *
 * Everything derived (delivery facts, KPI, ladders, forecast, alerts) is computed by the stream projection, as in
 * production. Idempotent: a restart only records sessions that ended since.
 */

const INTERNAL = [
  {
    id: 'julien-moreau',
    name: 'Julien Moreau',
    service: 'sgar',
    email: 'julien.moreau@sgar.example.gouv.fr',
  },
  {
    id: 'claire-fontaine',
    name: 'Claire Fontaine',
    service: 'dreal',
    email: 'claire.fontaine@dreal.example.gouv.fr',
  },
  { id: 'mehdi-haddad', name: 'Mehdi Haddad', service: 'drfip', email: 'mehdi.haddad@drfip.example.gouv.fr' },
  { id: 'anne-lefevre', name: 'Anne Lefèvre', service: 'ars', email: 'anne.lefevre@ars.example.gouv.fr' },
  {
    id: 'thomas-roux',
    name: 'Thomas Roux',
    service: 'prefecture-occitanie',
    email: 'thomas.roux@prefecture-occitanie.example.gouv.fr',
  },
  {
    id: 'sarah-nguyen',
    name: 'Sarah Nguyen',
    service: 'rectorat',
    email: 'sarah.nguyen@rectorat.example.gouv.fr',
  },
];
const EXTERNAL = [
  {
    id: 'ext-agence-cooperative-sophie-leroy',
    name: 'Sophie Leroy',
    organisation: 'Agence Coopérative',
    email: 'sophie.leroy@agence-cooperative.example.fr',
  },
  {
    id: 'ext-agence-cooperative-marc-petit',
    name: 'Marc Petit',
    organisation: 'Agence Coopérative',
    email: 'marc.petit@agence-cooperative.example.fr',
  },
  {
    id: 'ext-atelier-des-possibles-lucie-bernard',
    name: 'Lucie Bernard',
    organisation: 'Atelier des Possibles',
    email: 'lucie.bernard@atelier-des-possibles.example.fr',
  },
];
/** The module whose internal-led satisfaction drops in the demo (raises a satisfaction alert). */
const DROPPING_MODULE = 'storytelling';

interface ApiSession {
  id: string;
  moduleId: string;
  pathId?: string;
  siteId: string;
  start: string;
  end: string;
  status: string;
  facilitators: { trainerId: string; role: 'lead' | 'co-facilitator' | 'shadow' | 'observer' }[];
}

function rng(seed: string) {
  let a = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function uuidFrom(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const clamp = (x: number) => Math.max(1, Math.min(5, Math.round(x)));

let settled: Promise<void> = Promise.resolve();
/** Resolves when the background part of the last `loadTransferDemo` (waiting for the projection, sign-offs) is done. */
export const transferDemoSettled = (): Promise<void> => settled;

type Api = <T>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;

/**
 * The entry module (weekly) is the pilot of the transfer: its past sessions are restaffed along the ladder (two
 * internal trainers observe, co-facilitate, lead under a provider's observation, then lead with each other).
 * Storytelling was handed over too early: its last two sessions were led internally by trainers who had not climbed
 * its ladder (a staffing warning at the time, and the satisfaction alert it leads to).
 */
async function restaff(past: ApiSession[], api: Api): Promise<void> {
  const pilots = ['julien-moreau', 'claire-fontaine'];
  const plan = new Map<string, ApiSession['facilitators'][]>();
  const pilot = past
    .filter((s) => s.moduleId === 'intelligence-collective')
    .sort((a, b) => a.start.localeCompare(b.start));
  pilot.forEach((s, i) => {
    const ext =
      s.facilitators.find((f) => f.trainerId.startsWith('ext-'))?.trainerId ??
      EXTERNAL[i % EXTERNAL.length]!.id;
    const [p, q] = i % 2 === 0 ? pilots : [...pilots].reverse();
    const phase = i / Math.max(1, pilot.length);
    const teams: ApiSession['facilitators'][] =
      phase < 0.2
        ? [
            [
              { trainerId: ext, role: 'lead' },
              { trainerId: p!, role: 'observer' },
            ],
          ]
        : phase < 0.45
          ? [
              [
                { trainerId: ext, role: 'lead' },
                { trainerId: p!, role: 'co-facilitator' },
              ],
            ]
          : phase < 0.7
            ? [
                [
                  { trainerId: p!, role: 'lead' },
                  { trainerId: ext, role: 'co-facilitator' },
                ],
              ]
            : [
                [
                  { trainerId: p!, role: 'lead' },
                  { trainerId: q!, role: 'co-facilitator' },
                ],
                [{ trainerId: p!, role: 'lead' }],
              ];
    plan.set(s.id, teams);
  });
  const story = past
    .filter((s) => s.moduleId === DROPPING_MODULE)
    .sort((a, b) => a.start.localeCompare(b.start))
    .slice(-2);
  for (const s of story) {
    plan.set(s.id, [
      [
        { trainerId: 'mehdi-haddad', role: 'lead' },
        { trainerId: 'thomas-roux', role: 'co-facilitator' },
      ],
      [
        { trainerId: 'thomas-roux', role: 'lead' },
        { trainerId: 'anne-lefevre', role: 'co-facilitator' },
      ],
      [{ trainerId: 'sarah-nguyen', role: 'lead' }],
    ]);
  }
  for (const s of past) {
    for (const team of plan.get(s.id) ?? []) {
      const r = await api<ApiSession>('PATCH', `/sessions/${s.id}`, { facilitators: team });
      if (r.status === 200) {
        s.facilitators = team;
        break;
      }
    }
  }
}

export async function loadTransferDemo(
  apiUrl: string,
  tokens: LocalIdentity,
  opts: { now?: Date; log?: (m: string) => void; waitMs?: number } = {},
): Promise<{ trainers: number; delivered: number; responses: number; signOffs: number }> {
  const now = (opts.now ?? new Date()).toISOString();
  const labToken = await tokens.tokenFor(DEMO_USERS.lab);
  const api = async <T>(
    method: string,
    path: string,
    body?: unknown,
    token = labToken,
  ): Promise<{ status: number; body: T }> => {
    const r = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    return { status: r.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const content = await fetchDemoCatalog(apiUrl);
  const modules = content.modules.map((m) => m.id);

  // 1. The registry, and the providers' leads recognised as certified from the programme start.
  for (const t of INTERNAL) {
    await api('PUT', `/trainers/${t.id}`, {
      name: t.name,
      kind: 'internal',
      homeServiceId: t.service,
      modules,
    });
  }
  for (const t of EXTERNAL) {
    await api('PUT', `/trainers/${t.id}`, {
      name: t.name,
      kind: 'external',
      organisation: t.organisation,
      modules,
    });
  }
  // Each trainer signs in once, as on their first day: their profile (address, language) comes from the token, so
  // the session messages meant for trainers reach them.
  for (const t of [...INTERNAL, ...EXTERNAL]) {
    const token = await tokens.tokenFor({
      userId: t.id,
      roles: ['trainer', 'learner'],
      name: t.name,
      email: t.email,
    });
    await api('GET', '/me/profile', undefined, token);
  }
  let signOffs = 0;
  for (const t of EXTERNAL) {
    for (const moduleId of modules) {
      const r = await api('POST', `/trainers/${t.id}/sign-offs`, {
        moduleId,
        stepId: 'certified-lead',
        recognition: true,
        effectiveAt: `${transferSettings().programmeStart}T00:00:00Z`,
        note: 'Animateur certifié du prestataire',
      });
      if (r.status === 201) signOffs++;
    }
  }

  // 2. Sessions over and still `scheduled`: delivered (imported attendance), with anonymous responses.
  const past: ApiSession[] = [];
  let cursor: string | undefined;
  do {
    const q = new URLSearchParams({
      from: `${transferSettings().programmeStart}T00:00:00Z`,
      to: now,
      status: 'scheduled',
      limit: '200',
      ...(cursor ? { cursor } : {}),
    });
    const r = await api<{ items: ApiSession[]; nextCursor?: string }>('GET', `/sessions?${q}`);
    if (r.status !== 200) throw new Error(`transfer demo: GET /sessions answered ${r.status}`);
    past.push(...r.body.items.filter((s) => s.end <= now));
    cursor = r.body.nextCursor;
  } while (cursor);

  await restaff(past, api);
  const external = new Set(EXTERNAL.map((t) => t.id));
  const weights = transferSettings().deliveryWeights;
  const rated = questionnaire().ratedRoles;
  let responses = 0;
  for (const s of past) {
    const rnd = rng(s.id);
    const attended = 7 + Math.floor(rnd() * 8);
    const partial = Math.floor(rnd() * 3);
    const noShow = Math.floor(rnd() * 3);
    const lead = s.facilitators.find((f) => f.role === 'lead')?.trainerId ?? DEMO_USERS.lab.userId;
    await importDeliveredSession(
      s.id,
      { attended, partial, noShow },
      {
        by: DEMO_USERS.lab.userId,
        takenBy: lead,
        takenAt: new Date(Date.parse(s.end) + 3_600_000).toISOString(),
        now,
      },
    );
    const staffed = s.facilitators.map((f) => ({
      ...f,
      kind: external.has(f.trainerId) ? ('external' as const) : ('internal' as const),
    }));
    const leadKind = leadKindOf(staffed, weights);
    const mean =
      leadKind === 'external' ? 4.6 : leadKind === 'mixed' ? 4.5 : s.moduleId === DROPPING_MODULE ? 3.6 : 4.6;
    const { month, quarter } = periodOf(s.start);
    const module = content.modules.find((m) => m.id === s.moduleId)!;
    const count = Math.min(attended + partial, 3 + Math.floor(rnd() * 3));
    for (let i = 0; i < count; i++) {
      const overall = clamp(mean + (rnd() - 0.5) * 0.9);
      const responseId = uuidFrom(`demo-response:${s.id}:${i}`);
      const at = new Date(Date.parse(s.end) + (2 + i) * 3_600_000).toISOString();
      await importEvaluationResponse({
        responseId,
        sessionId: s.id,
        moduleId: s.moduleId,
        ...(s.pathId ? { pathId: s.pathId } : {}),
        pathIds: pathIdsOf(s, content.paths),
        siteId: s.siteId,
        sessionStart: s.start,
        overall,
        objectives: module.objectives.map(() => clamp(overall + (rnd() - 0.5) * 0.9)),
        facilitators: staffed
          .filter((f) => rated.includes(f.role))
          .map((f) => ({
            trainerId: f.trainerId,
            role: f.role,
            kind: f.kind,
            rating: clamp(overall + (rnd() - 0.45) * 0.9),
          })),
        recommend: overall >= 4,
        leadKind,
        quarter,
        month,
        submittedAt: at,
        updatedAt: at,
        revision: 1,
      });
      responses++;
    }
  }
  opts.log?.(
    `Transfert : ${past.length} séance(s) passée(s) enregistrée(s) comme animées, ${responses} réponse(s) d'évaluation.`,
  );

  // 3–4 run in the background: `npm start` prints its tokens meanwhile (see `transferDemoSettled`).
  const background = async () => {
    // 3. Wait for the stream projection to derive facts, aggregates and ladders.
    if (past.length > 0) {
      const until = Date.now() + (opts.waitMs ?? 180_000);
      const target = past.length;
      for (;;) {
        const k = await api<{ total: { sessions: { total: number } } }>(
          'GET',
          '/transfer/kpi?granularity=quarter',
        );
        const a = await api<{ items: { hidden: boolean; responses?: number }[] }>(
          'GET',
          '/evaluations/aggregates?by=all',
        );
        const rs = a.body.items?.[0]?.responses ?? 0;
        if ((k.body.total?.sessions.total ?? 0) >= target && rs >= responses) break;
        if (Date.now() > until) break;
        await new Promise((r) => setTimeout(r, 2_000));
      }
    }

    // 4. The ladders move: providers sign off leads under observation; the lab certifies every other candidate.
    for (let round = 0; round < 3; round++) {
      let progressed = false;
      for (const [i, t] of INTERNAL.entries()) {
        const l = await api<{
          modules: { moduleId: string; next?: { stepId: string; awaitingSignOff: boolean } }[];
        }>('GET', `/trainers/${t.id}/ladder`);
        for (const m of l.body.modules ?? []) {
          if (!m.next?.awaitingSignOff) continue;
          let token = labToken;
          if (m.next.stepId === 'lead-under-observation') {
            const ext = EXTERNAL[(i + m.moduleId.length) % EXTERNAL.length]!;
            token = await tokens.tokenFor({ userId: ext.id, roles: ['trainer'] });
          } else if (m.next.stepId !== 'certified-lead' || (i + m.moduleId.length) % 2 === 1) {
            continue; // left awaiting: the lab's to-do list in the demo
          }
          const r = await api(
            'POST',
            `/trainers/${t.id}/sign-offs`,
            { moduleId: m.moduleId, stepId: m.next.stepId, note: 'Démo' },
            token,
          );
          if (r.status === 201) {
            signOffs++;
            progressed = true;
          }
        }
      }
      if (!progressed) break;
    }
    opts.log?.(`Transfert : indicateurs calculés, ${signOffs} validation(s) de palier enregistrée(s).`);
  };
  settled = background().catch((e: unknown) => {
    console.error('[demo] transfer ladders:', (e as Error).message);
  });
  return { trainers: INTERNAL.length + EXTERNAL.length, delivered: past.length, responses, signOffs };
}
