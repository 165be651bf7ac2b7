import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../../api/http.ts';
import { useAnnounce } from '../../../components/announcer.tsx';
import { ErrorText } from '../../../components/async-view.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { useCatalogApi } from './catalog-api.ts';
import { actionErrorText, type StaleDetails, staleOf } from './catalog-errors.ts';
import type { Kind, View } from './catalog-types.ts';
import { useTexts } from './texts.ts';

/**
 * Archive / restore (one button whose words change, so focus stays on it) and delete (kinds that allow it, after
 * an inline confirmation that takes focus and gives it back). Each sends the version loaded.
 */
export function ItemToolbar<K extends Kind>(props: {
  kind: K;
  item: View<K>;
  name: string;
  onChanged: (item: View<K>) => void;
  onStale: (d: StaleDetails) => void;
  onRemoved: () => void;
}) {
  const { text } = useI18n();
  const tx = useTexts();
  const api = useCatalogApi();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ err: unknown; words?: string | undefined }>();
  const [confirming, setConfirming] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const { kind, item } = props;
  // Only the kinds the API can delete offer it (services: archive only).
  const remover = api[kind].remove;

  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (err) {
      const stale = staleOf(err);
      if (stale) props.onStale(stale);
      else {
        // `module-in-path` names paths by id: their titles are fetched only then.
        const paths =
          err instanceof ApiError && err.code === 'module-in-path'
            ? await api.paths.list().catch(() => [])
            : [];
        const pathTitle = (id: string) => {
          const p = paths.find((x) => x.id === id);
          return p ? text(p.title) : id;
        };
        setError({ err, words: actionErrorText(err, tx, pathTitle) });
      }
    } finally {
      setBusy(false);
    }
  };

  const toggleArchive = () =>
    run(async () => {
      const v = item.archived
        ? await api[kind].restore(item.id, item.version)
        : await api[kind].archive(item.id, item.version);
      announce(v.archived ? tx.archivedDone(props.name) : tx.restoredDone(props.name));
      props.onChanged(v);
    });

  const remove = () =>
    run(async () => {
      await remover?.(item.id, item.version);
      announce(tx.removedDone(props.name));
      props.onRemoved();
    });

  const closeConfirm = () => {
    setConfirming(false);
    setTimeout(() => deleteButton.current?.focus(), 0);
  };

  return (
    <div class="lab-cat-toolbar">
      <p class="lab-cat-actions">
        <button
          type="button"
          class="btn btn-secondary"
          onClick={toggleArchive}
          disabled={busy}
          aria-busy={busy}
        >
          {item.archived ? tx.restore : tx.archive}
        </button>
        {remover && (
          <button
            type="button"
            class="btn btn-tertiary"
            ref={deleteButton}
            onClick={() => setConfirming(true)}
            disabled={busy || confirming}
          >
            {tx.remove}
          </button>
        )}
      </p>
      {confirming && (
        <section class="panel" aria-labelledby="lab-cat-remove-title">
          <h2 id="lab-cat-remove-title" ref={confirmHeading} tabIndex={-1}>
            {tx.removeTitle(props.name)}
          </h2>
          <p>{tx.removeText}</p>
          <p class="lab-cat-actions">
            <button type="button" class="btn btn-danger" onClick={remove} disabled={busy} aria-busy={busy}>
              {tx.removeConfirm}
            </button>
            <button type="button" class="btn btn-tertiary" onClick={closeConfirm}>
              {tx.removeCancel}
            </button>
          </p>
        </section>
      )}
      {error && (
        <p role="alert" class="notice notice-error">
          {error.words ?? <ErrorText error={error.err} />}
        </p>
      )}
    </div>
  );
}
