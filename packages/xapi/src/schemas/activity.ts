import '@parcours/domain/zod-locale';
import * as z from 'zod/mini';
import {
  type Activity,
  type ActivityDefinition,
  INTERACTION_TYPES,
  type InteractionComponent,
  type InteractionComponentList,
  type InteractionType,
} from '../types.ts';
import { extensions, iri, irl, languageMap, notEmpty } from './primitives.ts';

/** Activities and their definitions (xAPI 1.0.3 Data §2.4.4.1), including Interaction Activities. */

// xAPI 1.0.3 Data §2.4.4.1.s15 Interaction Components: id (String, required), description (Language Map).
const interactionComponent: z.ZodMiniType<InteractionComponent> = z.strictObject({
  id: z.string(),
  description: z.optional(languageMap),
});

// xAPI 1.0.3 Data §2.4.4.1.s15 table 2: which component lists each interactionType supports.
const COMPONENT_LISTS: Record<InteractionComponentList, readonly InteractionType[]> = {
  choices: ['choice', 'sequencing'],
  scale: ['likert'],
  source: ['matching'],
  target: ['matching'],
  steps: ['performance'],
};
const LIST_NAMES: readonly InteractionComponentList[] = ['choices', 'scale', 'source', 'target', 'steps'];

function checkInteraction(ctx: z.core.ParsePayload<ActivityDefinition>): void {
  const definition = ctx.value;
  const type = definition.interactionType;
  const present = LIST_NAMES.filter((list) => definition[list] !== undefined);
  if (type === undefined) {
    // The interaction properties only mean something for an Interaction Activity, which "MUST have a valid
    // interactionType" (Data 2.4.4.1.s13.b1); the ADL suite (XAPI-00064) rejects them without one.
    const orphans =
      definition.correctResponsesPattern === undefined ? present : ['correctResponsesPattern', ...present];
    for (const property of orphans) {
      ctx.issues.push({
        code: 'custom',
        input: definition,
        path: [property],
        message:
          'is only allowed in an Interaction Activity, which needs an "interactionType" (Data 2.4.4.1.s8)',
      });
    }
    return;
  }
  for (const list of present) {
    const allowed = COMPONENT_LISTS[list];
    if (!allowed.includes(type)) {
      ctx.issues.push({
        code: 'custom',
        input: definition[list],
        path: [list],
        message: `is not supported for interactionType "${type}", only for ${allowed.map((t) => `"${t}"`).join(' and ')} (Data 2.4.4.1.s15)`,
      });
    }
    // xAPI 1.0.3 Data §2.4.4.1.s16.b1: "Within an array of interaction components, all id values MUST be distinct."
    const firstIndex = new Map<string, number>();
    (definition[list] ?? []).forEach((component, index) => {
      const first = firstIndex.get(component.id);
      if (first === undefined) {
        firstIndex.set(component.id, index);
        return;
      }
      ctx.issues.push({
        code: 'custom',
        input: component.id,
        path: [list, index, 'id'],
        message: `duplicates the id of ${list}[${first}]; component ids MUST be distinct (Data 2.4.4.1.s16.b1)`,
      });
    });
  }
}

// xAPI 1.0.3 Data §2.4.4.1.s2 Activity Definition, with the interaction properties of s8.
export const activityDefinition: z.ZodMiniType<ActivityDefinition> = z
  .strictObject({
    name: z.optional(languageMap),
    description: z.optional(languageMap),
    type: z.optional(iri),
    moreInfo: z.optional(irl),
    interactionType: z.optional(z.enum(INTERACTION_TYPES)),
    correctResponsesPattern: z.optional(z.array(z.string())),
    choices: z.optional(z.array(interactionComponent)),
    scale: z.optional(z.array(interactionComponent)),
    source: z.optional(z.array(interactionComponent)),
    target: z.optional(z.array(interactionComponent)),
    steps: z.optional(z.array(interactionComponent)),
    extensions: z.optional(extensions),
  })
  .check((ctx) => {
    notEmpty(ctx);
    checkInteraction(ctx);
  });

function activitySchema(objectType: z.ZodMiniType<'Activity' | undefined>) {
  return z.pipe(
    z.strictObject({ objectType, id: iri, definition: z.optional(activityDefinition) }),
    z.transform(
      (value): Activity => ({
        objectType: 'Activity',
        id: value.id,
        ...(value.definition === undefined ? {} : { definition: value.definition }),
      }),
    ),
  );
}

/** xAPI 1.0.3 Data §2.4.4.1: objectType "MUST be Activity when present" and is assumed when absent (§2.4.4.s2). */
export const activity = activitySchema(z.optional(z.literal('Activity')));

/** xAPI 1.0.3 Data §2.4.6.2.s4.b2: "Every value in the contextActivities Object MUST be ... Activity Objects." */
export const contextActivity = activitySchema(
  z.optional(
    z.literal('Activity', {
      error: 'must be "Activity": contextActivities hold Activities (Data 2.4.6.2.s4.b2)',
    }),
  ),
);
