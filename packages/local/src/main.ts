/**
 * `npm start`: the whole of Parcours on this machine. `npm start -- --fresh` starts from an empty database;
 * `--port 3000` chooses the API port.
 */
import { join } from 'node:path';
import { ensureDemoLrsClient } from '../../../functions/lrs/clients.ts';
import { functions } from '../../../functions/routes.ts';
import { loadDemoData } from './demo-data.ts';
import { loadDemoLearners } from './demo-learners.ts';
import { DEMO_USERS } from './demo-users.ts';
import { REPO_ROOT, startLocalStack } from './local-stack.ts';
import { seedContent } from './seed.ts';
import { ensureWebBuilt } from './web-build.ts';

const args = process.argv.slice(2);
const fresh = args.includes('--fresh');
const portArg = args.indexOf('--port');
const apiPort = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env['PORT'] ?? 3000);
const dataDir = join(REPO_ROOT, '.local-data');

console.log('Parcours — démarrage de la pile locale…');
const webDist = ensureWebBuilt(REPO_ROOT);
const stack = await startLocalStack(functions, {
  web: { distDir: webDist, config: { apiBaseUrl: '', demoUsers: Object.values(DEMO_USERS) } },
  dataDir,
  fresh,
  apiPort,
  dynamoPort: Number(process.env['DYNAMODB_PORT'] ?? 8000),
  sesPort: Number(process.env['SES_PORT'] ?? 8005),
  cognitoPort: Number(process.env['COGNITO_PORT'] ?? 9339),
  proConnectPort: Number(process.env['PROCONNECT_PORT'] ?? 8010),
  hostedUiPort: Number(process.env['HOSTED_UI_PORT'] ?? 8011),
  seed: async ({ apiUrl, tokens }) => {
    const r = await seedContent();
    console.log(
      r.catalogAlreadySeeded
        ? `Catalogue : déjà en base (le lab en est maître), ${r.settingsInserted} réglage(s) ajouté(s).`
        : `Catalogue chargé depuis content/ : ${r.catalogInserted} élément(s) ajouté(s), ${r.catalogKept} déjà présent(s).`,
    );
    const demo = await loadDemoData(apiUrl, tokens, { log: (m) => console.log(m) });
    console.log(
      demo.skipped
        ? 'Sessions de démonstration : déjà présentes, rien à créer.'
        : `Sessions de démonstration : ${demo.created} créée(s) via l'API${demo.failed ? `, ${demo.failed} en échec` : ''}.`,
    );
    // Learners only with a new programme (a restart keeps theirs): agents who join PassInnov and book sessions.
    if (!demo.skipped) await loadDemoLearners(apiUrl, tokens, { log: (m) => console.log(m) });
  },
});

const lines = [
  '',
  `Application    ${stack.apiUrl}/app/   (tableaux de bord ; connexion : personne de démonstration)`,
  `API            ${stack.apiUrl}   (OpenAPI : ${stack.apiUrl}/openapi.json)`,
  `DynamoDB Local ${stack.dynamoEndpoint}   (données : ${fresh ? 'repartent de zéro' : 'conservées'} dans .local-data/)`,
  `E-mails (SES)  ${stack.sesUrl}/   (visionneuse des e-mails envoyés)`,
  `ProConnect     ${stack.proConnectIssuer}   (fournisseur OpenID Connect local : des agents qui se connectent pour la première fois)`,
  `Cognito        ${stack.cognitoEndpoint}   (cognito-local : comptes, groupes, jetons RS256) ; page de connexion ${stack.hostedUiUrl}`,
  '',
  'Jetons de démonstration (Authorization: Bearer …) :',
];
for (const [role, user] of Object.entries(DEMO_USERS)) {
  lines.push(`  ${role.padEnd(8)} ${user.userId.padEnd(16)} ${await stack.tokens.tokenFor(user)}`);
}
const lrs = await ensureDemoLrsClient();
lines.push(
  '',
  `LRS xAPI 1.0.3  ${stack.apiUrl}/xapi/   (Basic, portée « all ») clé : ${lrs.key}   secret : ${lrs.secret}`,
  `  curl -u ${lrs.key}:${lrs.secret} -H "X-Experience-API-Version: 1.0.3" ${stack.apiUrl}/xapi/statements`,
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
