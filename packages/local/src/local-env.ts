/**
 * Fixed identity of the local stack. DynamoDB Local keeps one database per access key + region (unless -sharedDb),
 * so these never change: data written by `npm start` is found again after a restart.
 */
export const LOCAL_REGION = 'eu-west-3';
export const LOCAL_CREDENTIALS = { accessKeyId: 'parcourslocal', secretAccessKey: 'parcourslocal' } as const;
export const LOCAL_TABLE = 'parcours-local';
export const LOCAL_SES_FROM = 'parcours@formation.example.gouv.fr';

/** Environment the handlers see locally: the same variables the CDK function construct sets on AWS. */
export function applyLocalEnv(opts: {
  dynamoEndpoint: string;
  sesEndpoint: string;
  publicUrl: string;
}): void {
  process.env['AWS_REGION'] = LOCAL_REGION;
  process.env['AWS_ACCESS_KEY_ID'] = LOCAL_CREDENTIALS.accessKeyId;
  process.env['AWS_SECRET_ACCESS_KEY'] = LOCAL_CREDENTIALS.secretAccessKey;
  process.env['TABLE_NAME'] = LOCAL_TABLE;
  process.env['DYNAMODB_ENDPOINT'] = opts.dynamoEndpoint;
  process.env['SES_ENDPOINT'] = opts.sesEndpoint;
  process.env['SES_FROM'] = LOCAL_SES_FROM;
  process.env['PUBLIC_URL'] = opts.publicUrl;
  // Signs the one-click unsubscribe links in e-mails. A fixed, public value is fine locally (it protects nothing
  // real, and links in mails stay valid across restarts); the CDK stack must provide a generated secret.
  process.env['LINK_SIGNING_SECRET'] ??= 'parcours-local-link-signing-secret-not-for-production';
  // Lets tests and the local stack move the reminder tick's clock (`{ now }` in its event); never set on AWS.
  process.env['NOTIFICATIONS_CLOCK_OVERRIDE'] = '1';
  process.env['AWS_NODEJS_CONNECTION_REUSE_ENABLED'] = '1';
  process.env['LOG_LEVEL'] ??= 'WARN';
}
