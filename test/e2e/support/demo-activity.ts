import type { Api } from './api-client.ts';
import { type Delivered, deliverNow, type Person } from './deliver-now.ts';

/**
 * Activity on top of the demo programme, so that every dashboard has something to show: the demo programme's
 * trainers in the registry (internal / external), and three sessions of the entry module delivered now through the
 * API — external-led with Julien observing, external-led with Julien co-facilitating, Julien leading — attended by
 * Camille and agents of the services Nadia (HR) covers. The same people as packages/local/src/demo-data.ts.
 */
export const INTERNAL = [
  'julien-moreau',
  'claire-fontaine',
  'mehdi-haddad',
  'anne-lefevre',
  'thomas-roux',
  'sarah-nguyen',
];
export const EXTERNAL = [
  'ext-agence-cooperative-sophie-leroy',
  'ext-agence-cooperative-marc-petit',
  'ext-atelier-des-possibles-lucie-bernard',
];

const nameOf = (id: string) =>
  id
    .replace(/^ext-(agence-cooperative|atelier-des-possibles)-/, '')
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');

export const CAMILLE: Person = {
  userId: 'camille-martin',
  service: 'drfip',
  name: 'Camille Martin',
  email: 'camille.martin@drfip.example.gouv.fr',
};
const agent = (userId: string, service: string): Person => ({ userId, service, name: nameOf(userId) });

export async function registerDemoTrainers(api: Api): Promise<void> {
  const lab = await api.lab();
  for (const id of [...INTERNAL, ...EXTERNAL]) {
    const internal = INTERNAL.includes(id);
    await api.must('PUT', `/trainers/${id}`, {
      token: lab,
      body: {
        name: nameOf(id),
        kind: internal ? 'internal' : 'external',
        ...(internal
          ? { homeServiceId: 'sgar' }
          : { organisation: id.includes('atelier') ? 'Atelier des possibles' : 'Agence coopérative' }),
        modules: [],
      },
    });
  }
}

export async function seedDemoActivity(api: Api): Promise<Delivered[]> {
  await registerDemoTrainers(api);
  const entry = { moduleId: 'intelligence-collective', pathId: 'passinnov' };
  return deliverNow(api, [
    {
      ...entry,
      team: [
        { trainerId: 'ext-agence-cooperative-sophie-leroy', role: 'lead' },
        { trainerId: 'julien-moreau', role: 'observer' },
      ],
      learners: [CAMILLE, agent('ines-garcia', 'drfip'), agent('paul-girard', 'ars')],
    },
    {
      ...entry,
      team: [
        { trainerId: 'ext-agence-cooperative-marc-petit', role: 'lead' },
        { trainerId: 'julien-moreau', role: 'co-facilitator' },
      ],
      learners: [agent('lucas-bernard', 'dreal'), agent('emma-petit', 'drfip')],
    },
    {
      ...entry,
      team: [
        { trainerId: 'julien-moreau', role: 'lead' },
        { trainerId: 'claire-fontaine', role: 'co-facilitator' },
      ],
      learners: [agent('hugo-lambert', 'ars'), agent('chloe-roux', 'dreal')],
    },
  ]);
}
