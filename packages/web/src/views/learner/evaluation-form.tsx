import { useState } from 'preact/hooks';
import { ENDPOINTS } from '../../api/endpoints.ts';
import { apiJson } from '../../api/http.ts';
import type { EvaluationInput, EvaluationResponse, PendingEvaluation } from '../../api/types.ts';
import { useToken } from '../../auth/auth.tsx';
import { ErrorText } from '../../components/async-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

type Scale = PendingEvaluation['questionnaire']['scale'];

/** A 1–5 question as a group of radio buttons (fieldset + legend: the question is read with each choice). */
function RatingQuestion(props: {
  name: string;
  question: string;
  scale: Scale;
  value: number | undefined;
  onChange: (v: number) => void;
}) {
  return (
    <fieldset class="rating">
      <legend>{props.question}</legend>
      <div class="rating-options">
        {props.scale.map((s) => (
          <span class="radio-inline" key={s.value}>
            <input
              type="radio"
              id={`${props.name}-${s.value}`}
              name={props.name}
              value={s.value}
              checked={props.value === s.value}
              onChange={() => props.onChange(s.value)}
              required
            />
            <label for={`${props.name}-${s.value}`}>
              {s.value} – {s.label}
            </label>
          </span>
        ))}
      </div>
    </fieldset>
  );
}

export function EvaluationForm(props: { item: PendingEvaluation; onSaved: (r: EvaluationResponse) => void }) {
  const { t } = useI18n();
  const token = useToken();
  const q = props.item.questionnaire;
  const prev = props.item.response;
  const key = `ev-${props.item.sessionId}`;
  const [overall, setOverall] = useState<number | undefined>(prev?.overall);
  const [objectives, setObjectives] = useState<(number | undefined)[]>(
    q.objectives.map((_, i) => prev?.objectives[i]),
  );
  const [facilitators, setFacilitators] = useState<Record<string, number | undefined>>(
    Object.fromEntries(
      q.facilitators.map((f) => [
        f.trainerId,
        prev?.facilitators.find((x) => x.trainerId === f.trainerId)?.rating,
      ]),
    ),
  );
  const [recommend, setRecommend] = useState<boolean | undefined>(prev?.recommend);
  const [comment, setComment] = useState(prev?.comment ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (e: Event) => {
    e.preventDefault();
    const objs = objectives.filter((x): x is number => x !== undefined);
    if (overall === undefined || recommend === undefined || objs.length !== q.objectives.length) {
      setError(new Error(t.evaluationRequired));
      return;
    }
    const body: EvaluationInput = {
      overall,
      objectives: objs,
      facilitators: Object.entries(facilitators)
        .filter((x): x is [string, number] => x[1] !== undefined)
        .map(([trainerId, rating]) => ({ trainerId, rating })),
      recommend,
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    };
    setBusy(true);
    setError(undefined);
    try {
      props.onSaved(
        await apiJson<EvaluationResponse>(ENDPOINTS.submitEvaluation(props.item.sessionId), {
          method: 'PUT',
          token,
          body,
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} class="evaluation-form">
      <RatingQuestion
        name={`${key}-overall`}
        question={q.overall}
        scale={q.scale}
        value={overall}
        onChange={setOverall}
      />
      {q.objectives.map((o, i) => (
        <RatingQuestion
          key={o.index}
          name={`${key}-obj-${o.index}`}
          question={o.question}
          scale={q.scale}
          value={objectives[i]}
          onChange={(v) => setObjectives(objectives.map((x, j) => (j === i ? v : x)))}
        />
      ))}
      {q.facilitators.map((f) => (
        <RatingQuestion
          key={f.trainerId}
          name={`${key}-fac-${f.trainerId}`}
          question={f.question}
          scale={q.scale}
          value={facilitators[f.trainerId]}
          onChange={(v) => setFacilitators({ ...facilitators, [f.trainerId]: v })}
        />
      ))}
      <fieldset class="rating">
        <legend>{q.recommend}</legend>
        {[true, false].map((v) => (
          <span class="radio-inline" key={String(v)}>
            <input
              type="radio"
              id={`${key}-rec-${v}`}
              name={`${key}-rec`}
              checked={recommend === v}
              onChange={() => setRecommend(v)}
              required
            />
            <label for={`${key}-rec-${v}`}>{v ? t.yes : t.no}</label>
          </span>
        ))}
      </fieldset>
      <label for={`${key}-comment`}>{q.comment || t.evaluationComment}</label>
      <textarea
        id={`${key}-comment`}
        rows={3}
        maxLength={q.commentMaxLength}
        value={comment}
        onInput={(e) => setComment(e.currentTarget.value)}
      />
      <button type="submit" class="btn btn-primary" disabled={busy}>
        {t.evaluationSubmit}
      </button>
      {error !== undefined && (
        <p role="alert" class="notice notice-error">
          <ErrorText error={error} />
        </p>
      )}
    </form>
  );
}
