import { api } from '../api.ts';
import { moveEvaluationWindow } from '../evaluations.ts';

export const handler = api('session-evaluation-window-put', async ({ principal, params, body }) => {
  const w = await moveEvaluationWindow(principal, params.id, body);
  return {
    body: {
      sessionId: w.sessionId,
      opensAt: w.opensAt,
      closesAt: w.closesAt,
      windowDays: w.windowDays,
      ...(w.setBy ? { setBy: w.setBy } : {}),
      ...(w.setAt ? { setAt: w.setAt } : {}),
      ...(w.reason ? { reason: w.reason } : {}),
    },
  };
});
