import { ENDPOINTS } from '../../api/endpoints.ts';
import { apiJson } from '../../api/http.ts';
import type { PendingEvaluations } from '../../api/types.ts';
import { useToken } from '../../auth/auth.tsx';
import { useAnnounce } from '../../components/announcer.tsx';
import { AsyncView } from '../../components/async-view.tsx';
import { formatDateTime, formatSlot } from '../../format.ts';
import { useResource } from '../../hooks/use-resource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { EvaluationForm } from './evaluation-form.tsx';

/** Sessions attended whose evaluation window is open: one form each (editable until it closes). */
export function Evaluations() {
  const { t, locale, text } = useI18n();
  const token = useToken();
  const announce = useAnnounce();
  const [pending, reload] = useResource(
    () => apiJson<PendingEvaluations>(ENDPOINTS.pendingEvaluations, { token }),
    [token],
  );
  return (
    <AsyncView resource={pending} retry={reload}>
      {(p) =>
        p.items.length === 0 ? (
          <p>{t.noEvaluations}</p>
        ) : (
          p.items.map((item) => (
            <details key={item.sessionId} class="card" open={item.status === 'to-do'}>
              <summary>
                <span class="summary-title">{text(item.moduleTitle)}</span> —{' '}
                {formatSlot(item.start, item.end, locale)}
                <span class="hint">
                  {' '}
                  {item.status === 'submitted'
                    ? t.evaluationDone
                    : t.evaluationDue(formatDateTime(item.closesAt, locale))}
                </span>
              </summary>
              <EvaluationForm
                item={item}
                onSaved={() => {
                  announce(t.evaluationSaved(text(item.moduleTitle)));
                  reload();
                }}
              />
            </details>
          ))
        )
      }
    </AsyncView>
  );
}
