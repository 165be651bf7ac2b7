import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isRole, type Role } from '@parcours/domain/roles';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';

/**
 * Locally signed tokens standing in for Cognito ID tokens. Same claim names as Cognito (`cognito:groups`,
 * `custom:*`), so the same claim parser serves both. Signed with HS256 and a per-machine secret kept in the
 * git-ignored data folder: a token forged without that secret is rejected.
 */
export const LOCAL_ISSUER = 'parcours-local';
export const LOCAL_AUDIENCE = 'parcours';

export const tokenRequestSchema = z.strictObject({
  userId: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9_.@-]+$/),
  roles: z.array(z.string().refine(isRole, 'unknown role')).min(1),
  email: z.email().optional(),
  service: z.string().min(1).max(64).optional(),
  hrServices: z.array(z.string().min(1).max(64)).optional(),
  locale: z.enum(['fr', 'en']).optional(),
  name: z.string().max(200).optional(),
});
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

export class LocalTokens {
  private readonly key: Uint8Array;

  constructor(secret: Uint8Array) {
    this.key = secret;
  }

  /** Reads the secret from `file`, creating it on first use (persistent across restarts, like the data). */
  static fromFile(file: string): LocalTokens {
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
    }
    return new LocalTokens(Buffer.from(readFileSync(file, 'utf8').trim(), 'hex'));
  }

  static ephemeral(): LocalTokens {
    return new LocalTokens(randomBytes(32));
  }

  async sign(req: TokenRequest, ttlSeconds = 12 * 3600): Promise<string> {
    return new SignJWT({
      'cognito:groups': req.roles as Role[],
      token_use: 'id',
      ...(req.email ? { email: req.email } : {}),
      ...(req.service ? { 'custom:service': req.service } : {}),
      ...(req.hrServices?.length ? { 'custom:hr_services': req.hrServices.join(',') } : {}),
      ...(req.name ? { name: req.name } : {}),
      locale: req.locale ?? 'fr',
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(req.userId)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.key);
  }

  /** Returns the verified claims, or undefined for a missing, expired, forged or malformed token. */
  async verify(token: string): Promise<Record<string, unknown> | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: LOCAL_ISSUER,
        audience: LOCAL_AUDIENCE,
        algorithms: ['HS256'],
      });
      return payload as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
}
