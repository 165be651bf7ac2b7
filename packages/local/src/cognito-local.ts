/**
 * The user pool stand-in: cognito-local (npm) in its own process. It keeps users, groups and attributes, answers
 * the admin API the functions call (functions/shared/cognito-api.ts) and issues RS256 ID tokens with a JWKS, like a
 * Cognito user pool; it has no federation and no hosted UI (hosted-ui.ts stands in for those).
 *
 * Its data lives under `<dir>/.cognito/` (cognito-local writes there, relative to its working directory); the pool
 * and client ids it generated are kept in `<dir>/pool.json` so a restart finds the same pool, users and groups.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROLES } from '@parcours/domain/roles';
import { assertPortFree, waitForPort } from './ports.ts';

const require = createRequire(import.meta.url);

export interface LocalPool {
  endpoint: string;
  poolId: string;
  clientId: string;
  /** What the pool writes in `iss` (and API Gateway's authorizer would expect). */
  issuer: string;
  jwksUrl: string;
}

export async function startCognitoLocal(port: number, dir: string): Promise<ChildProcess> {
  await assertPortFree(port, 'cognito-local');
  mkdirSync(join(dir, '.cognito'), { recursive: true });
  // Usernames are not e-mail addresses here (federated users are `ProConnect_<sub>`, test users their id), and the
  // issuer names the address it is really reached at (its default says localhost:9229 whatever the port).
  writeFileSync(
    join(dir, '.cognito', 'config.json'),
    JSON.stringify({
      UserPoolDefaults: { UsernameAttributes: [] },
      TokenConfig: { IssuerDomain: `http://127.0.0.1:${port}` },
    }),
  );
  const cli = join(require.resolve('cognito-local/package.json'), '..', 'lib', 'bin', 'start.js');
  const child = spawn(process.execPath, [cli], {
    cwd: dir,
    stdio: 'pipe',
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DEBUG: '' },
  });
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`cognito-local exited early (code ${code}): ${out}`))),
  );
  await Promise.race([waitForPort(port, 60_000, 'cognito-local'), exited]);
  return child;
}

/**
 * One unsigned JSON call to cognito-local (it checks no signature): the local stack's own calls — setting the pool
 * up, the demo and test sign-ins. An error is named as Cognito names it (`UsernameExistsException`…).
 */
export async function localPoolCall<T = Record<string, unknown>>(
  endpoint: string,
  op: string,
  body: unknown,
): Promise<T> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${op}`,
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  const parsed = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  if (!res.ok) {
    const err = new Error(`cognito-local ${op}: ${String(parsed['message'] ?? res.status)}`);
    err.name = String(parsed['__type'] ?? `Http${res.status}`);
    throw err;
  }
  return parsed as T;
}

/**
 * The pool as the CDK stack declares it (infra/constructs/user-pool.ts): the scope and ProConnect attributes, one
 * group per role, a web client. Created once; found again from `pool.json` afterwards.
 */
export async function ensureLocalPool(endpoint: string, dir: string): Promise<LocalPool> {
  const file = join(dir, 'pool.json');
  const base = endpoint.replace(/\/$/, '');
  const describe = (poolId: string, clientId: string): LocalPool => ({
    endpoint: `${base}/`,
    poolId,
    clientId,
    issuer: `${base}/${poolId}`,
    jwksUrl: `${base}/${poolId}/.well-known/jwks.json`,
  });
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { poolId: string; clientId: string };
    try {
      await localPoolCall(endpoint, 'DescribeUserPool', { UserPoolId: saved.poolId });
      return describe(saved.poolId, saved.clientId);
    } catch {
      // The pool's files were removed (`--fresh`): create it again.
    }
  }
  const attribute = (Name: string, MaxLength: string, MinLength = '0') => ({
    Name,
    AttributeDataType: 'String',
    Mutable: true,
    StringAttributeConstraints: { MinLength, MaxLength },
  });
  const { UserPool } = await localPoolCall<{ UserPool: { Id: string } }>(endpoint, 'CreateUserPool', {
    PoolName: 'parcours-local',
    Schema: [
      attribute('service', '64', '1'),
      attribute('hr_services', '2048', '1'),
      attribute('pc_uid', '256'),
      attribute('siret', '64'),
      attribute('org_unit', '2048'),
    ],
  });
  const { UserPoolClient } = await localPoolCall<{ UserPoolClient: { ClientId: string } }>(
    endpoint,
    'CreateUserPoolClient',
    {
      UserPoolId: UserPool.Id,
      ClientName: 'web',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    },
  );
  for (const role of ROLES)
    await localPoolCall(endpoint, 'CreateGroup', { UserPoolId: UserPool.Id, GroupName: role });
  writeFileSync(file, JSON.stringify({ poolId: UserPool.Id, clientId: UserPoolClient.ClientId }));
  return describe(UserPool.Id, UserPoolClient.ClientId);
}
