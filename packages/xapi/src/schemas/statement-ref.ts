import '@parcours/domain/zod-locale';
import * as z from 'zod/mini';
import type { StatementRef } from '../types.ts';
import { uuid } from './primitives.ts';

// xAPI 1.0.3 Data §2.4.4.3.s4: a Statement Reference "MUST specify an 'objectType' property with the value
// StatementRef" (b1) and "MUST set the 'id' property to the UUID of a Statement" (b2). Used as a Statement's object
// and as context.statement (Data §2.4.6.s3).
export const statementRef = z.strictObject({
  objectType: z.literal('StatementRef', { error: 'must be "StatementRef" (Data 2.4.4.3.s4.b1)' }),
  id: uuid,
}) satisfies z.ZodMiniType<StatementRef>;
