import { apiJson } from '../../api/http.ts';
import type { Enrolment, Items, Progress, Suggested } from '../../api/types.ts';
import { useToken } from '../../auth/auth.tsx';
import { AsyncView } from '../../components/async-view.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useResource } from '../../hooks/use-resource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Evaluations } from './evaluations.tsx';
import { MyEnrolments } from './my-enrolments.tsx';
import { PathProgressSection } from './path-progress.tsx';
import { SuggestedSessions } from './suggested-sessions.tsx';

/** The learner's page: progress per path, suggested sessions to book, enrolments, evaluations to fill in. */
export function LearnerView() {
  const { t } = useI18n();
  const token = useToken();
  const [progress, reloadProgress] = useResource(() => apiJson<Progress>('/me/progress', { token }), [token]);
  const [suggested, reloadSuggested] = useResource(
    () => apiJson<Suggested>('/me/sessions/suggested', { token }),
    [token],
  );
  const [enrolments, reloadEnrolments] = useResource(
    () => apiJson<Items<Enrolment>>('/me/enrolments', { token }),
    [token],
  );
  const changed = () => {
    reloadProgress();
    reloadSuggested();
    reloadEnrolments();
  };

  return (
    <>
      <PageTitle>{t.learnerTitle}</PageTitle>
      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">{t.progressHeading}</h2>
        <AsyncView resource={progress} retry={reloadProgress}>
          {(p) => <PathProgressSection progress={p} />}
        </AsyncView>
      </section>
      <section aria-labelledby="enrolments-heading">
        <h2 id="enrolments-heading">{t.enrolmentsHeading}</h2>
        <AsyncView resource={enrolments} retry={reloadEnrolments}>
          {(e) => <MyEnrolments enrolments={e.items} onChanged={changed} />}
        </AsyncView>
      </section>
      <section aria-labelledby="suggested-heading">
        <h2 id="suggested-heading">{t.suggestedHeading}</h2>
        <AsyncView resource={suggested} retry={reloadSuggested}>
          {(s) => (
            <SuggestedSessions
              suggested={s}
              {...(progress.status === 'ready' ? { progress: progress.data } : {})}
              onBooked={changed}
            />
          )}
        </AsyncView>
      </section>
      <section aria-labelledby="evaluations-heading">
        <h2 id="evaluations-heading">{t.evaluationsHeading}</h2>
        <Evaluations />
      </section>
    </>
  );
}
