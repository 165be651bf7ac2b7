/**
 * `npm run rebuild:aggregates`: rebuilds the trainer-transfer aggregates (delivery mix, satisfaction, ladder
 * snapshots, delivery facts) from the source records, then verifies them (docs/transfer.md, "Rebuild").
 *
 * - Against the local stack (`npm start` running): no environment needed (DynamoDB Local on DYNAMODB_PORT, 8000).
 * - Against a deployed table: `TABLE_NAME=<stack output> AWS_REGION=eu-west-3 npm run rebuild:aggregates`.
 * - `-- --verify`: compare only, write nothing. Exit code 1 when differences remain.
 */
import { join } from 'node:path';
import { LOCAL_REGION, LOCAL_TABLE, localCredentials } from './local-env.ts';
import { REPO_ROOT } from './local-stack.ts';

const verifyOnly = process.argv.includes('--verify') || process.argv.includes('--dry-run');
if (!process.env['TABLE_NAME']) {
  process.env['TABLE_NAME'] = LOCAL_TABLE;
  process.env['AWS_REGION'] = LOCAL_REGION;
  const credentials = localCredentials({ dataDir: join(REPO_ROOT, '.local-data') });
  process.env['AWS_ACCESS_KEY_ID'] = credentials.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = credentials.secretAccessKey;
  process.env['DYNAMODB_ENDPOINT'] ??= `http://127.0.0.1:${process.env['DYNAMODB_PORT'] ?? 8000}`;
  console.log(
    `Local stack: ${process.env['DYNAMODB_ENDPOINT']} (table ${LOCAL_TABLE}); start it with npm start.`,
  );
}
const { rebuildTransferData, verifyTransferData } = await import('../../../functions/transfer/rebuild.ts');
// The programme (catalogue, transfer settings) as the table holds it, like the functions read it.
await (await import('@parcours/store/programme-repo')).refreshProgramme();
const started = Date.now();
const result = verifyOnly
  ? await verifyTransferData()
  : await rebuildTransferData({ log: (m) => console.log(`  ${m}`) });
console.log(
  `${verifyOnly ? 'Verification' : 'Rebuild'}: ${result.sources.sessions} completed sessions, ${result.sources.responses} responses, ` +
    `${result.sources.ladders} ladders — ${result.ok ? 'aggregates match the sources' : `${result.differences.length} difference(s)`} ` +
    `(${Math.round((Date.now() - started) / 100) / 10} s)`,
);
for (const d of result.differences.slice(0, 20))
  console.log(
    `  ${d.id}\n    expected ${JSON.stringify(d.expected)}\n    actual   ${JSON.stringify(d.actual)}`,
  );
process.exit(result.ok ? 0 : 1);
