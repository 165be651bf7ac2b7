import { z } from 'zod';
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
const interactionComponent: z.ZodType<InteractionComponent> = z.strictObject({
  id: z.string(),
  description: languageMap.optional(),
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
export const activityDefinition: z.ZodType<ActivityDefinition> = z
  .strictObject({
    name: languageMap.optional(),
    description: languageMap.optional(),
    type: iri.optional(),
    moreInfo: irl.optional(),
    interactionType: z.enum(INTERACTION_TYPES).optional(),
    correctResponsesPattern: z.array(z.string()).optional(),
    choices: z.array(interactionComponent).optional(),
    scale: z.array(interactionComponent).optional(),
    source: z.array(interactionComponent).optional(),
    target: z.array(interactionComponent).optional(),
    steps: z.array(interactionComponent).optional(),
    extensions: extensions.optional(),
  })
  .check((ctx) => {
    notEmpty(ctx);
    checkInteraction(ctx);
  });

function activitySchema(objectType: z.ZodType<'Activity' | undefined>) {
  return z.strictObject({ objectType, id: iri, definition: activityDefinition.optional() }).transform(
    (value): Activity => ({
      objectType: 'Activity',
      id: value.id,
      ...(value.definition === undefined ? {} : { definition: value.definition }),
    }),
  );
}

/** xAPI 1.0.3 Data §2.4.4.1: objectType "MUST be Activity when present" and is assumed when absent (§2.4.4.s2). */
export const activity = activitySchema(z.literal('Activity').optional());

/** xAPI 1.0.3 Data §2.4.6.2.s4.b2: "Every value in the contextActivities Object MUST be ... Activity Objects." */
export const contextActivity = activitySchema(
  z
    .literal('Activity', {
      error: 'must be "Activity": contextActivities hold Activities (Data 2.4.6.2.s4.b2)',
    })
    .optional(),
);
