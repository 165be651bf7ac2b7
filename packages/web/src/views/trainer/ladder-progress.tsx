import { ENDPOINTS } from '../../api/endpoints.ts';
import { apiJson } from '../../api/http.ts';
import type { Ladder, LadderState } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { AsyncView } from '../../components/async-view.tsx';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { useResource } from '../../hooks/use-resource.ts';
import type { Dictionary } from '../../i18n/fr.ts';
import { useI18n } from '../../i18n/i18n.tsx';

type StepStatus = LadderState['steps'][number]['status'];

export function stepStatusLabel(t: Dictionary, s: StepStatus): string {
  return {
    achieved: t.stepAchieved,
    'awaiting-sign-off': t.stepAwaitingSignOff,
    'in-progress': t.stepInProgress,
    locked: t.stepLocked,
  }[s];
}

/** One module's ladder as an ordered list of steps (the order is the meaning), with the current one marked. */
function ModuleLadder({ state }: { state: LadderState }) {
  const { t, text } = useI18n();
  const { moduleTitle } = useCatalog();
  const current = state.steps.find((s) => s.id === state.currentStep);
  const next = state.steps.find((s) => s.id === state.next?.stepId);
  return (
    <article class="card" aria-labelledby={`ladder-${state.moduleId}`} data-testid="ladder-module">
      <h3 id={`ladder-${state.moduleId}`}>
        {moduleTitle(state.moduleId)}{' '}
        {state.certified && <span class="badge badge-success">{t.certified}</span>}
      </h3>
      <p>
        {t.currentStep} : <strong>{current ? text(current.title) : t.noStepYet}</strong> ·{' '}
        {t.ratings(state.ratings.mean, state.ratings.count)}
      </p>
      <ol class="ladder-steps">
        {state.steps.map((s) => (
          <li
            key={s.id}
            class={`step step-${s.status}`}
            aria-current={s.id === state.currentStep ? 'step' : undefined}
          >
            <span class="step-title">{text(s.title)}</span> — <span>{stepStatusLabel(t, s.status)}</span>
          </li>
        ))}
      </ol>
      {state.next && next && (
        <p class="hint">
          {t.nextStep(text(next.title))}
          {state.next.missing.length > 0 &&
            ` (${state.next.missing.map((m) => t.missingCriterion(t.criterionLabel(m.criterion), m.actual, m.required)).join(' ; ')})`}
        </p>
      )}
    </article>
  );
}

/** The trainer's progress on each module's ladder, and their ratings. */
export function LadderProgress() {
  const { t } = useI18n();
  const { token, me } = useAuth();
  const userId = me?.userId ?? '';
  const [ladder, reload] = useResource(
    () => apiJson<Ladder>(ENDPOINTS.ladderOf(userId), token ? { token } : {}),
    [token, userId],
  );
  return (
    <AsyncView resource={ladder} retry={reload}>
      {(l) =>
        l.modules.length === 0 ? (
          <p>{t.noLadder}</p>
        ) : (
          <div class="cards">
            {l.modules.map((m) => (
              <ModuleLadder key={m.moduleId} state={m} />
            ))}
          </div>
        )
      }
    </AsyncView>
  );
}
