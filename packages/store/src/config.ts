import { z } from 'zod';

/**
 * Storage configuration, parsed once at cold start. A missing table name is a deployment bug: fail loudly at init,
 * not on the first request.
 */
const envSchema = z.object({
  TABLE_NAME: z.string().min(1, 'TABLE_NAME must be set'),
  AWS_REGION: z.string().min(1).default('eu-west-3'),
  /** Only set by the local stack (DynamoDB Local). */
  DYNAMODB_ENDPOINT: z.url().optional(),
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
