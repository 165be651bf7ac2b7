import { useEffect, useRef, useState } from 'preact/hooks';
import { must, useApi } from '../../../api/client.ts';
import { ApiError } from '../../../api/http.ts';
import type { Module, Path, Progress } from '../../../api/types.ts';
import { useAnnounce } from '../../../components/announcer.tsx';
import { ErrorText } from '../../../components/async-view.tsx';
import { formatDate } from '../../../format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link } from '../../../router.tsx';
import { moduleHref } from './module-facts.tsx';
import { useTexts } from './texts.ts';

/** One path: what it is, its modules (links to their sessions), and joining it (or when I joined). */
export function PathCard(props: {
  path: Path;
  modules: Module[];
  progress: Progress | undefined;
  onJoined: () => void;
}) {
  const { t, text, locale } = useI18n();
  const tx = useTexts();
  const api = useApi();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  // The button gives way to the "joined" line: focus follows it instead of falling back to the page.
  const [justJoined, setJustJoined] = useState(false);
  const joinedLine = useRef<HTMLParagraphElement>(null);
  const p = props.path;
  const title = text(p.title);
  const mine = props.progress?.paths.find((x) => x.pathId === p.id);
  const moduleLink = (id: string) => (
    <Link to={moduleHref(id)}>{text(props.modules.find((m) => m.id === id)?.title, id)}</Link>
  );
  const headingId = `catalog-path-${p.id}`;
  useEffect(() => {
    if (justJoined && mine?.joined) joinedLine.current?.focus();
  }, [justJoined, mine?.joined]);

  const join = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await must(api.POST('/me/paths/{id}', { params: { path: { id: p.id } } }));
      announce(r.newcomer ? tx.joinedNewcomer(title) : tx.joinedNow(title));
      setJustJoined(true);
      props.onJoined();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article class="card" aria-labelledby={headingId} data-testid={`catalog-path-${p.id}`}>
      <h3 id={headingId}>{title}</h3>
      <p>{text(p.summary)}</p>
      <dl class="facts catalog-facts">
        <div>
          <dt>{tx.audience}</dt>
          <dd>{text(p.audience)}</dd>
        </div>
        <div>
          <dt>{tx.entryModule}</dt>
          <dd>{moduleLink(p.entryModuleId)}</dd>
        </div>
        <div>
          <dt>{tx.electives(p.electivesRequired, p.electiveModuleIds.length)}</dt>
          <dd>
            <ul class="module-list">
              {p.electiveModuleIds.map((id) => (
                <li key={id}>{moduleLink(id)}</li>
              ))}
            </ul>
          </dd>
        </div>
        {p.coachModuleId && (
          <div>
            <dt>{tx.coachModule}</dt>
            <dd>{moduleLink(p.coachModuleId)}</dd>
          </div>
        )}
      </dl>
      {p.cohortStart && <p class="hint">{tx.cohortStart(formatDate(p.cohortStart, locale))}</p>}
      {mine?.joined ? (
        <p ref={joinedLine} tabIndex={-1}>
          <span class="badge badge-success">{tx.joined}</span>{' '}
          {mine.joinedAt && tx.joinedOn(formatDate(mine.joinedAt, locale))}
        </p>
      ) : (
        <button type="button" class="btn btn-primary" onClick={join} disabled={busy} aria-busy={busy}>
          {tx.join}
          <span class="sr-only">{tx.joinContext(title)}</span>
        </button>
      )}
      {error !== undefined && (
        <p role="alert" class="notice notice-error">
          {error instanceof ApiError && tx.joinError(error.code) ? (
            `${t.errorPrefix} ${tx.joinError(error.code)}`
          ) : (
            <ErrorText error={error} />
          )}
        </p>
      )}
    </article>
  );
}
