import type { ComponentChildren } from 'preact';
import { ApiError } from '../api/http.ts';
import type { Resource } from '../hooks/use-resource.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * What went wrong, in words: a known API error in the interface's language; otherwise the API's own message, which
 * is English (marked `lang="en"` so screen readers pronounce it right).
 */
export function ErrorText({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (error instanceof ApiError) {
    const known = error.code === 'network-error' ? t.networkError : t.apiError(error.code);
    return (
      <>
        {t.errorPrefix} {known ?? <span lang="en">{error.message}</span>}
      </>
    );
  }
  return (
    <>
      {t.errorPrefix} {error instanceof Error ? error.message : String(error)}
    </>
  );
}

/** The "données indisponibles" notice: a route this view needs is not deployed on this installation. */
export function Unavailable() {
  const { t } = useI18n();
  return (
    <div class="notice notice-info" data-testid="unavailable">
      <p class="notice-title">{t.unavailable}</p>
      <p>{t.unavailableDetail}</p>
    </div>
  );
}

/** Loading (announced politely), error (an alert, with a retry), unavailable, or the content. */
export function AsyncView<T>(props: {
  resource: Resource<T>;
  retry?: () => void;
  children: (data: T) => ComponentChildren;
}) {
  const { t } = useI18n();
  const r = props.resource;
  if (r.status === 'loading')
    return (
      <p class="loading" role="status">
        {t.loading}
      </p>
    );
  if (r.status === 'error') {
    if (r.error instanceof ApiError && r.error.unavailable) return <Unavailable />;
    return (
      <div class="notice notice-error" role="alert">
        <p>
          <ErrorText error={r.error} />
        </p>
        {props.retry && (
          <button type="button" class="btn btn-secondary" onClick={props.retry}>
            {t.retry}
          </button>
        )}
      </div>
    );
  }
  return <>{props.children(r.data)}</>;
}
