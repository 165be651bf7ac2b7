import '@parcours/domain/zod-locale';
import * as z from 'zod/mini';
import type { Activity, Context, ContextActivities } from '../types.ts';
import { contextActivity } from './activity.ts';
import { actor, team } from './agent.ts';
import { extensions, languageTag, notEmpty, uuid } from './primitives.ts';
import { statementRef } from './statement-ref.ts';

/** The Context Object (xAPI 1.0.3 Data §2.4.6). Rules that depend on the Statement's object live in statement.ts. */

// xAPI 1.0.3 Data §2.4.6.2.s4.b2: each value is "either a single Activity Object or an array of Activity Objects";
// s4.b3-b4: the LRS returns it as an array, so a single Activity becomes an array of one here.
const activityOrActivities = z.pipe(
  z.union([z.array(contextActivity), contextActivity]),
  z.transform((value): Activity[] => (Array.isArray(value) ? value : [value])),
);

// xAPI 1.0.3 Data §2.4.6.2.s4.b1: "Every key in the contextActivities Object MUST be one of parent, grouping,
// category, or other."
const contextActivities: z.ZodMiniType<ContextActivities> = z
  .strictObject({
    parent: z.optional(activityOrActivities),
    grouping: z.optional(activityOrActivities),
    category: z.optional(activityOrActivities),
    other: z.optional(activityOrActivities),
  })
  .check(notEmpty);

// xAPI 1.0.3 Data §2.4.6.s3 table: registration UUID, instructor Agent (MAY be a Group), team Group,
// contextActivities, revision and platform strings, language RFC 5646, statement StatementRef, extensions.
export const context: z.ZodMiniType<Context> = z
  .strictObject({
    registration: z.optional(uuid),
    instructor: z.optional(actor),
    team: z.optional(team),
    contextActivities: z.optional(contextActivities),
    revision: z.optional(z.string()),
    platform: z.optional(z.string()),
    language: z.optional(languageTag),
    statement: z.optional(statementRef),
    extensions: z.optional(extensions),
  })
  .check(notEmpty);
