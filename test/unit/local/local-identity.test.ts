import { describe, expect, it } from 'vitest';
import { LocalIdentity, PoolUnavailableError } from '../../../packages/local/src/local-identity.ts';
import { freePort } from '../../../packages/local/src/ports.ts';

describe('the local JWT authorizer', () => {
  it('a pool whose key set cannot be read is down (503 upstream), not a reason to refuse the caller (401)', async () => {
    const port = await freePort(); // nothing listens there
    const identity = new LocalIdentity(
      {
        endpoint: `http://127.0.0.1:${port}/`,
        poolId: 'local_x',
        clientId: 'client',
        issuer: `http://127.0.0.1:${port}/local_x`,
        jwksUrl: `http://127.0.0.1:${port}/local_x/.well-known/jwks.json`,
      },
      new Uint8Array(32),
    );
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'k' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: 'a' })).toString('base64url');
    await expect(identity.verify(`${header}.${body}.c2ln`)).rejects.toBeInstanceOf(PoolUnavailableError);
    // A token that is not even a JWT is refused without asking the pool.
    await expect(identity.verify('garbage')).resolves.toBeUndefined();
  });
});
