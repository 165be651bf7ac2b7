import { useState } from 'preact/hooks';
import { must, useApi } from '../../../api/client.ts';
import { useAnnounce } from '../../../components/announcer.tsx';
import type { FormErrors } from '../../../components/form-errors.ts';
import { Field, FormAlert } from '../../../components/form-field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { sessionErrors } from './session-helpers.ts';
import { useTexts } from './texts.ts';

/** Errors about the person go under the id field; the others (session full of…, started) above the button. */
const FIELD_OF_CODE: Record<string, string> = {
  'already-enrolled-in-module': 'learnerId',
  'module-already-completed': 'learnerId',
  'prerequisite-missing': 'learnerId',
  'overlapping-enrolment': 'learnerId',
  'learner-id-required': 'learnerId',
};

/** Same rule as the API's user ids: what a sign-in id may contain. */
const USER_ID = /^[A-Za-z0-9_.@-]{1,128}$/;

/**
 * The lab enrols someone on their behalf (POST /sessions/{id}/enrolments with `learnerId`). A full session puts
 * them on the waitlist, which the message says. GET /reports/agents has no search by name, so the id is typed.
 */
export function EnrolForm(props: { sessionId: string; onEnrolled: () => void }) {
  const { t } = useI18n();
  const tx = useTexts();
  const api = useApi();
  const announce = useAnnounce();
  const [learnerId, setLearnerId] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const show = (found: FormErrors) => {
    setErrors(found);
    // An error on the id: back to the field (its error is read with it); others are alerts.
    if (found.learnerId) setTimeout(() => document.getElementById('enrol-learner')?.focus(), 0);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    const id = learnerId.trim();
    if (!id) return show({ learnerId: tx.required });
    if (!USER_ID.test(id)) return show({ learnerId: tx.invalidLearnerId });
    setBusy(true);
    setErrors({});
    try {
      const enrolment = await must(
        api.POST('/sessions/{id}/enrolments', {
          params: { path: { id: props.sessionId } },
          body: { learnerId: id },
        }),
      );
      announce(
        enrolment.status === 'waitlisted'
          ? tx.waitlistedOk(id, enrolment.waitlistPosition ?? 0)
          : tx.enrolledOk(id),
      );
      setLearnerId('');
      props.onEnrolled();
    } catch (err) {
      show(sessionErrors(err, t, tx, FIELD_OF_CODE));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="enrol-heading" class="enrol-form">
      <h3 id="enrol-heading">{tx.enrolHeading}</h3>
      <form onSubmit={submit} noValidate>
        <Field
          id="enrol-learner"
          label={tx.learnerId}
          hint={tx.learnerIdHint}
          error={errors.learnerId}
          required
        >
          {(c) => (
            <input
              {...c}
              type="text"
              autoComplete="off"
              spellcheck={false}
              value={learnerId}
              onInput={(e) => setLearnerId(e.currentTarget.value)}
            />
          )}
        </Field>
        <FormAlert message={errors.form} />
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {tx.enrolSubmit}
        </button>
      </form>
    </section>
  );
}
