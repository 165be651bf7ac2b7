/**
 * `npm run rebuild:reports -- <mode>`: recovery of the HR reports (docs/reports.md, "Rebuild").
 *
 *   --learners a,b,c         recompute these agents (Query: their partitions)
 *   --service drfip          recompute every agent listed in a service (Query: its listing)
 *   --months 2026-01:2026-12 re-apply the enrolments of the sessions of these months and recompute their learners
 *                            (Query: the month index, then each session's partition)
 *   --full [--segments 4]    OFFLINE: delete and re-derive every report item (parallel Scan); pause the stream
 *                            consumer first
 *
 * Target: `--local` (the `npm start` stack: DynamoDB Local on :8000), `--endpoint <url>` (another DynamoDB Local), or
 * AWS with `TABLE_NAME` (and the usual AWS credentials and region) in the environment.
 */
import { join } from 'node:path';
import { LOCAL_REGION, LOCAL_TABLE, localCredentials } from '../../packages/local/src/local-env.ts';

const args = process.argv.slice(2);
const value = (flag: string) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const endpoint = value('--endpoint') ?? (args.includes('--local') ? 'http://127.0.0.1:8000' : undefined);
if (endpoint) {
  process.env['DYNAMODB_ENDPOINT'] = endpoint;
  process.env['TABLE_NAME'] ??= LOCAL_TABLE;
  process.env['AWS_REGION'] = LOCAL_REGION;
  // The `npm start` database's key, or the one a test stack exported (PARCOURS_LOCAL_ACCESS_KEY).
  const credentials = localCredentials({ dataDir: join(import.meta.dirname, '../../../.local-data') });
  process.env['AWS_ACCESS_KEY_ID'] = credentials.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = credentials.secretAccessKey;
}
if (!process.env['TABLE_NAME']) {
  console.error('Set TABLE_NAME (AWS), or pass --local / --endpoint <url>.');
  process.exit(2);
}
process.env['LOG_LEVEL'] ??= 'WARN';

const { rebuildAll, rebuildLearners, rebuildMonths, rebuildService } = await import('./rebuild.ts');
// The programme (catalogue, report settings) as the table holds it, like the functions read it.
await (await import('@parcours/store/programme-repo')).refreshProgramme();
const log = (m: string) => console.log(`[rebuild:reports] ${m}`);
const learners = value('--learners');
const service = value('--service');
const months = value('--months');
let result: unknown;
if (learners) result = await rebuildLearners(learners.split(',').filter(Boolean), log);
else if (service) result = await rebuildService(service, log);
else if (months) {
  const [from, to] = months.split(':');
  if (!from || !/^\d{4}-\d{2}$/.test(from) || (to && !/^\d{4}-\d{2}$/.test(to))) {
    console.error('--months YYYY-MM[:YYYY-MM]');
    process.exit(2);
  }
  result = await rebuildMonths(from, to ?? from, log);
} else if (args.includes('--full'))
  result = await rebuildAll({ segments: Number(value('--segments') ?? 4), log });
else {
  console.error('Choose a mode: --learners, --service, --months or --full (see the header of this file).');
  process.exit(2);
}
console.log(JSON.stringify(result));
process.exit(0);
