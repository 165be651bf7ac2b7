import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
/**
 * Identity of the local stack. DynamoDB Local keeps one database per access key + region (unless -sharedDb), and it
 * cannot bind to loopback only nor check signatures: the access key is therefore the secret that keeps the data
 * private (see `localCredentials`). The region and table name never change.
 */
export const LOCAL_REGION = 'eu-west-3';

// This machine runs Node 20 on purpose (bundles target node20; Lambda runs nodejs24.x): the SDK's notice that its
// 2027 releases need Node 22 is known and written in the README, so it is not printed at every start.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
/** The key every checkout used before keys were per machine: its database file is adopted once, then unused. */
const LEGACY_ACCESS_KEY = 'parcourslocal';
const KEY_FILE = 'dynamodb-access-key';
const KEY_ENV = 'PARCOURS_LOCAL_ACCESS_KEY';

export interface LocalCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}
let chosen: LocalCredentials | undefined;

/**
 * The local DynamoDB's credentials. DynamoDB Local listens on every interface; its data is reachable only with the
 * access key, so the key is a per-machine secret: kept in `<dataDir>/dynamodb-access-key` (created once, mode 0600)
 * for `npm start`, random for an in-memory stack. The chosen key is exported as PARCOURS_LOCAL_ACCESS_KEY so that
 * processes started from here (test workers, the rebuild commands) open the same database.
 */
export function localCredentials(opts: { dataDir?: string } = {}): LocalCredentials {
  if (chosen) return chosen;
  const key =
    process.env[KEY_ENV] ??
    (opts.dataDir ? keptAccessKey(opts.dataDir) : `local${randomBytes(12).toString('hex')}`);
  process.env[KEY_ENV] = key;
  chosen = { accessKeyId: key, secretAccessKey: key };
  return chosen;
}

/** The key kept in `dataDir` (created on first use); adopts the database written under the old fixed key. */
export function keptAccessKey(dataDir: string): string {
  const file = join(dataDir, KEY_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = `local${randomBytes(12).toString('hex')}`;
  writeFileSync(file, key, { mode: 0o600 });
  // Data written under the old fixed key stays the user's: its database file is renamed to the new key.
  const legacy = join(dataDir, 'dynamodb', `${LEGACY_ACCESS_KEY}_${LOCAL_REGION}.db`);
  if (existsSync(legacy)) renameSync(legacy, join(dataDir, 'dynamodb', `${key}_${LOCAL_REGION}.db`));
  return key;
}
export const LOCAL_TABLE = 'parcours-local';
export const LOCAL_SES_FROM = 'parcours@formation.example.gouv.fr';

/** Environment the handlers see locally: the same variables the CDK function construct sets on AWS. */
export function applyLocalEnv(opts: {
  dynamoEndpoint: string;
  sesEndpoint: string;
  publicUrl: string;
  /** The user pool stand-in (cognito-local): the functions that mirror roles call it as they call Cognito. */
  pool: { poolId: string; endpoint: string };
}): void {
  process.env['AWS_REGION'] = LOCAL_REGION;
  process.env['AWS_ACCESS_KEY_ID'] = localCredentials().accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = localCredentials().secretAccessKey;
  process.env['TABLE_NAME'] = LOCAL_TABLE;
  process.env['DYNAMODB_ENDPOINT'] = opts.dynamoEndpoint;
  process.env['SES_ENDPOINT'] = opts.sesEndpoint;
  process.env['SES_FROM'] = LOCAL_SES_FROM;
  process.env['PUBLIC_URL'] = opts.publicUrl;
  process.env['USER_POOL_ID'] = opts.pool.poolId;
  process.env['COGNITO_ENDPOINT'] = opts.pool.endpoint;
  // Signs the one-click unsubscribe links in e-mails. A fixed, public value is fine locally (it protects nothing
  // real, and links in mails stay valid across restarts); the CDK stack must provide a generated secret.
  process.env['LINK_SIGNING_SECRET'] ??= 'parcours-local-link-signing-secret-not-for-production';
  // Lets tests and the local stack move the reminder tick's clock (`{ now }` in its event); never set on AWS.
  process.env['NOTIFICATIONS_CLOCK_OVERRIDE'] = '1';
  process.env['AWS_NODEJS_CONNECTION_REUSE_ENABLED'] = '1';
  process.env['LOG_LEVEL'] ??= 'WARN';
}
