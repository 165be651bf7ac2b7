import type { TokenRequest } from './local-identity.ts';

/** Demo people of the local stack (their tokens are printed at start; the demo sign-in lists them). */
export const DEMO_USERS = {
  learner: {
    userId: 'camille-martin',
    roles: ['learner'],
    email: 'camille.martin@drfip.example.gouv.fr',
    service: 'drfip',
    name: 'Camille Martin',
  },
  /** A second learner: the one who waits for a seat when the first books the last one. */
  learner2: {
    userId: 'thomas-petit',
    roles: ['learner'],
    email: 'thomas.petit@ars.example.gouv.fr',
    service: 'ars',
    name: 'Thomas Petit',
  },
  trainer: {
    userId: 'julien-moreau',
    roles: ['trainer', 'learner'],
    email: 'julien.moreau@sgar.example.gouv.fr',
    service: 'sgar',
    name: 'Julien Moreau',
  },
  hr: {
    userId: 'nadia-benali',
    roles: ['hr'],
    email: 'nadia.benali@sgar.example.gouv.fr',
    service: 'sgar',
    hrServices: ['drfip', 'ars', 'dreal'],
    name: 'Nadia Benali',
  },
  lab: {
    userId: 'lea-dubois',
    roles: ['lab'],
    email: 'lea.dubois@sgar.example.gouv.fr',
    service: 'sgar',
    name: 'Léa Dubois',
  },
} as const satisfies Record<string, TokenRequest>;
