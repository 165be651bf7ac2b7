import { formatDateTime } from '../format.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** What a 409 `stale-version` says of the version the form did not see. */
export interface StaleVersion {
  version: number;
  updatedAt?: string | undefined;
  updatedBy: string;
}

/**
 * Someone saved in between (409 `stale-version`): nothing was overwritten. Says who and when, and offers to load what
 * is there now (the form then shows it, and the next save sends its version). Each area brings its own words.
 */
export function StaleVersionNotice(props: {
  details: StaleVersion;
  title: string;
  text: (version: number, when: string, who: string) => string;
  reloadLabel: string;
  onReload: () => void;
}) {
  const { locale } = useI18n();
  const d = props.details;
  const when = d.updatedAt ? formatDateTime(d.updatedAt, locale) : '?';
  return (
    <div class="notice notice-error" role="alert" data-testid="stale-version">
      <p class="notice-title">{props.title}</p>
      <p>{props.text(d.version, when, d.updatedBy)}</p>
      <button type="button" class="btn btn-secondary" onClick={props.onReload}>
        {props.reloadLabel}
      </button>
    </div>
  );
}
