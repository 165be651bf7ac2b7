import type { LadderState } from '../../../api/types.ts';
import { formatDate, formatNumber } from '../../../format.ts';
import { useCatalog } from '../../../hooks/use-catalog.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { stepStatusLabel } from '../../trainer/ladder-progress.tsx';
import { type TrainerTexts, useTexts } from './texts.ts';

type Step = LadderState['steps'][number];
type Criterion = Step['criteria'][number];

/** Where the lab may sign a step off right now: its criteria are met and the ladder names the lab as a signer. */
export function labCanSign(step: Step): boolean {
  return step.status === 'awaiting-sign-off' && !step.signOff && (step.signOffBy ?? []).includes('lab');
}

export const signButtonId = (moduleId: string, stepId: string) => `sign-${moduleId}-${stepId}`;

// The global dictionary's step states, as the trainer's own page (views/trainer/ladder-progress.tsx) shows them.

function signerLabel(tx: TrainerTexts, role: 'certified' | 'lab'): string {
  return role === 'lab' ? tx.byLab : tx.byCertified;
}

function CriterionItem({ c }: { c: Criterion }) {
  const { t, locale } = useI18n();
  const tx = useTexts();
  const num = (x: number | null) => (x === null ? '—' : formatNumber(x, locale, 1));
  return (
    <li class={c.met ? 'criterion criterion-met' : 'criterion'}>
      {tx.criterionValue(t.criterionLabel(c.criterion), num(c.actual), num(c.required))} —{' '}
      <strong>{c.met ? tx.criterionMet : tx.criterionMissing}</strong>
    </li>
  );
}

/** One step: its state, what is done and what remains, who signed it (or may), and the lab's sign-off button. */
function StepItem(props: {
  state: LadderState;
  step: Step;
  onSign: (moduleId: string, stepId: string) => void;
}) {
  const { t, text, locale } = useI18n();
  const tx = useTexts();
  const { moduleTitle } = useCatalog();
  const { state, step: s } = props;
  return (
    <li class={`step step-${s.status}`} aria-current={s.id === state.currentStep ? 'step' : undefined}>
      <span class="step-title">{text(s.title, s.id)}</span> — <span>{stepStatusLabel(t, s.status)}</span>
      {s.achievedAt && <span class="hint"> ({tx.achievedOn(formatDate(s.achievedAt, locale))})</span>}
      {s.signOff && (
        <p class="hint">
          {tx.signedOff(s.signOff.by, signerLabel(tx, s.signOff.byRole), formatDate(s.signOff.at, locale))}
          {s.signOff.basis === 'recognition' && ` — ${tx.recognitionBasis}`}
        </p>
      )}
      {s.status !== 'achieved' && s.criteria.length > 0 && (
        <ul class="criteria" aria-label={`${tx.criteriaCaption} — ${text(s.title, s.id)}`}>
          {s.criteria.map((c) => (
            <CriterionItem key={c.criterion} c={c} />
          ))}
        </ul>
      )}
      {s.status !== 'achieved' && s.signOffBy && s.signOffBy.length > 0 && (
        <p class="hint">{tx.signOffBy(s.signOffBy.map((r) => signerLabel(tx, r)).join(', '))}</p>
      )}
      {labCanSign(s) && (
        <button
          type="button"
          id={signButtonId(state.moduleId, s.id)}
          class="btn btn-primary btn-small"
          onClick={() => props.onSign(state.moduleId, s.id)}
        >
          {tx.signThisStep}
          <span class="sr-only">{tx.signStepContext(text(s.title, s.id), moduleTitle(state.moduleId))}</span>
        </button>
      )}
    </li>
  );
}

/** One module's ladder, observer → … → certified lead → trainer of trainers, in order (the order is the meaning). */
export function ModuleLadderCard(props: {
  state: LadderState;
  onSign: (moduleId: string, stepId: string) => void;
}) {
  const { t, text } = useI18n();
  const { moduleTitle } = useCatalog();
  const { state } = props;
  const current = state.steps.find((s) => s.id === state.currentStep);
  const headingId = `ladder-${state.moduleId}`;
  return (
    <article class="card ladder-card" aria-labelledby={headingId} data-testid="ladder-module">
      {/* Focus comes back here after a sign-off (the step's button is gone). */}
      <h3 id={headingId} tabIndex={-1}>
        {moduleTitle(state.moduleId)}{' '}
        {state.certified && <span class="badge badge-success">{t.certified}</span>}
      </h3>
      <p>
        {t.currentStep} : <strong>{current ? text(current.title, current.id) : t.noStepYet}</strong> ·{' '}
        {t.ratings(state.ratings.mean, state.ratings.count)}
      </p>
      <ol class="ladder-steps">
        {state.steps.map((s) => (
          <StepItem key={s.id} state={state} step={s} onSign={props.onSign} />
        ))}
      </ol>
    </article>
  );
}
