import { describeTable } from '@parcours/store';
import { api } from '../api.ts';
import { probeMail } from '../mail-probe.ts';

/** Says which dependency is down, with a status that matches the body: 503 only when the database is. */
export const handler = api(
  'health-get',
  async () => {
    const [database, mail] = await Promise.all([
      describeTable().then(
        () => 'ok' as const,
        () => 'down' as const,
      ),
      probeMail(),
    ]);
    const status = database === 'down' ? 'down' : mail === 'down' ? 'degraded' : 'ok';
    return {
      status: status === 'down' ? 503 : 200,
      body: { status, time: new Date().toISOString(), dependencies: { database, mail } },
    };
  },
  // The probe must answer when the database does not: it loads no programme data.
  { skipBefore: true },
);
