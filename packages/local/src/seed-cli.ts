/**
 * Loads `content/` into a deployed table: `TABLE_NAME=<stack output> AWS_REGION=eu-west-3 npx tsx packages/local/src/seed-cli.ts`.
 * Idempotent (unchanged items are skipped), so it runs after every deploy.
 */
import { seedContent } from './seed.ts';

if (!process.env['TABLE_NAME']) {
  console.error('Set TABLE_NAME to the deployed table name (stack output TableName).');
  process.exit(2);
}
const r = await seedContent();
console.log(`content synced: ${r.written} written, ${r.unchanged} unchanged, ${r.deleted} deleted`);
