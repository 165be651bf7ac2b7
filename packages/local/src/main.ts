/**
 * `npm start`: the whole of Parcours on this machine. `npm start -- --fresh` starts from an empty database;
 * `--port 3000` chooses the API port.
 */
import { join } from 'node:path';
import { functions } from '../../../functions/routes.ts';
import { DEMO_USERS } from './demo-users.ts';
import { REPO_ROOT, startLocalStack } from './local-stack.ts';
import { seedContent } from './seed.ts';

const args = process.argv.slice(2);
const fresh = args.includes('--fresh');
const portArg = args.indexOf('--port');
const apiPort = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env['PORT'] ?? 3000);
const dataDir = join(REPO_ROOT, '.local-data');

console.log('Parcours — démarrage de la pile locale…');
const stack = await startLocalStack(functions, {
  dataDir,
  fresh,
  apiPort,
  dynamoPort: Number(process.env['DYNAMODB_PORT'] ?? 8000),
  sesPort: Number(process.env['SES_PORT'] ?? 8005),
  seed: async () => {
    const r = await seedContent();
    console.log(
      `Contenu chargé : ${r.written} écrit(s), ${r.unchanged} inchangé(s), ${r.deleted} supprimé(s).`,
    );
  },
});

const lines = [
  '',
  `API            ${stack.apiUrl}   (OpenAPI : ${stack.apiUrl}/openapi.json)`,
  `DynamoDB Local ${stack.dynamoEndpoint}   (données : ${fresh ? 'repartent de zéro' : 'conservées'} dans .local-data/)`,
  `E-mails (SES)  ${stack.sesUrl}/   (visionneuse des e-mails envoyés)`,
  '',
  'Jetons de démonstration (Authorization: Bearer …) :',
];
for (const [role, user] of Object.entries(DEMO_USERS)) {
  lines.push(`  ${role.padEnd(8)} ${user.userId.padEnd(16)} ${await stack.tokens.sign(user)}`);
}
lines.push(
  '',
  `Essayez : curl -H "Authorization: Bearer <jeton>" ${stack.apiUrl}/me`,
  'Ctrl-C pour arrêter.',
  '',
);
console.log(lines.join('\n'));

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal} reçu, arrêt propre…`);
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
