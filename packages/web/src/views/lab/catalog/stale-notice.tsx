import { formatDateTime } from '../../../format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { StaleDetails } from './catalog-errors.ts';
import { useTexts } from './texts.ts';

/**
 * Someone saved in between (409 `stale-version`): nothing was overwritten. Says who and when, and offers to load
 * their version (the form then shows it, and the next save sends its version).
 */
export function StaleNotice(props: { details: StaleDetails; onReload: () => void }) {
  const { locale } = useI18n();
  const tx = useTexts();
  const d = props.details;
  const when = d.updatedAt ? formatDateTime(d.updatedAt, locale) : '?';
  return (
    <div class="notice notice-error" role="alert" data-testid="stale-version">
      <p class="notice-title">{tx.staleTitle}</p>
      <p>{tx.staleText(d.version, when, d.updatedBy)}</p>
      <button type="button" class="btn btn-secondary" onClick={props.onReload}>
        {tx.reloadLatest}
      </button>
    </div>
  );
}
