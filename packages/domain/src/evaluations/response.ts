import type { Facilitator } from '../api/sessions-api.ts';
import type { Questionnaire } from '../content/transfer-content.ts';
import { invalid } from '../errors.ts';

/** What an attendee submits (`PUT /sessions/{id}/evaluation`). */
export interface EvaluationInput {
  overall: number;
  objectives: number[];
  facilitators: { trainerId: string; rating: number }[];
  recommend: boolean;
  comment?: string | undefined;
}

/** The facilitators an attendee rates: those of the session in a rated role (leads and co-facilitators). */
export function ratedFacilitators(
  facilitators: readonly Facilitator[],
  q: Pick<Questionnaire, 'ratedRoles'>,
): Facilitator[] {
  return facilitators.filter((f) => q.ratedRoles.includes(f.role));
}

/**
 * Checks a response against its session's questionnaire: one answer per module objective, ratings only for the
 * session's rated facilitators (each at most once; skipping one is allowed), a comment within the length limit.
 */
export function checkResponse(
  input: EvaluationInput,
  ctx: { objectivesCount: number; rated: readonly Facilitator[] },
  q: Pick<Questionnaire, 'commentMaxLength'>,
): void {
  const issues: { path: string; message: string }[] = [];
  if (input.objectives.length !== ctx.objectivesCount) {
    issues.push({
      path: 'objectives',
      message: `expected ${ctx.objectivesCount} answers, one per module objective`,
    });
  }
  const allowed = new Set(ctx.rated.map((f) => f.trainerId));
  const seen = new Set<string>();
  input.facilitators.forEach((f, i) => {
    if (!allowed.has(f.trainerId))
      issues.push({
        path: `facilitators.${i}.trainerId`,
        message: 'not a rated facilitator of this session',
      });
    if (seen.has(f.trainerId)) issues.push({ path: `facilitators.${i}.trainerId`, message: 'rated twice' });
    seen.add(f.trainerId);
  });
  if (input.comment !== undefined && input.comment.length > q.commentMaxLength) {
    issues.push({ path: 'comment', message: `at most ${q.commentMaxLength} characters` });
  }
  if (issues.length) throw invalid('invalid-evaluation', 'The response does not fit this session', issues);
}
