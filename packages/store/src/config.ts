import '@parcours/domain/zod-locale';
import * as z from 'zod/mini';

/**
 * Storage configuration, parsed once at cold start. A missing table name is a deployment bug: fail loudly at init,
 * not on the first request.
 */
const envSchema = z.object({
  TABLE_NAME: z.string().check(z.minLength(1, 'TABLE_NAME must be set')),
  AWS_REGION: z._default(z.string().check(z.minLength(1)), 'eu-west-3'),
  /** Only set by the local stack (DynamoDB Local). */
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  /**
   * How long the store keeps retrying a throttled, conflicting or failing call before it gives up (→ 503). Kept
   * well under the functions' timeout.
   */
  STORE_RETRY_BUDGET_MS: z._default(z.pipe(z.coerce.number(), z.int().check(z.gte(0), z.lte(60_000))), 3_000),
  /**
   * Sockets of the shared client. A Lambda serves one request at a time: the SDK's default (50) is plenty. The
   * local stack serves every request of every function from one process, against one JVM: it sets its own.
   */
  DYNAMODB_MAX_SOCKETS: z.optional(z.pipe(z.coerce.number(), z.int().check(z.gte(1), z.lte(1024)))),
});

export type StoreConfig = z.infer<typeof envSchema>;

let cached: StoreConfig | undefined;

export function storeConfig(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  if (!cached) {
    const parsed = envSchema.safeParse(env);
    if (!parsed.success) {
      throw new Error(
        `Invalid storage configuration: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
      );
    }
    cached = parsed.data;
  }
  return cached;
}
