import type { ComponentType } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useAnnounce } from '../../../components/announcer.tsx';
import { AsyncView } from '../../../components/async-view.tsx';
import type { FormErrors } from '../../../components/form-errors.ts';
import { PageTitle } from '../../../components/page-title.tsx';
import { formatDateTime } from '../../../format.ts';
import { useResource } from '../../../hooks/use-resource.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link, navigate } from '../../../router.tsx';
import { useCatalogApi } from './catalog-api.ts';
import { catalogFormErrors, type StaleDetails, staleOf } from './catalog-errors.ts';
import type { Entities, Kind, View } from './catalog-types.ts';
import { clientErrors } from './checks.ts';
import type { FormProps } from './form-bits.tsx';
import { FORMS } from './forms.ts';
import { ItemToolbar } from './item-toolbar.tsx';
import { historyHref, itemHref, listHref, nameOf } from './kinds.ts';
import { StaleNotice } from './stale-notice.tsx';
import { useTexts } from './texts.ts';

/**
 * Creating (`id` undefined) or editing one item. Editing sends the version loaded: if someone saved meanwhile,
 * the API answers 409 `stale-version` and the form says who and when, with "reload the latest version" — the
 * item is never overwritten silently. After a save the form keeps what was typed (it is what was saved); only a
 * reload of the latest version resets it.
 */
export function ItemEditor<K extends Kind>(props: { kind: K; id?: string | undefined }) {
  const { t, text, locale } = useI18n();
  const tx = useTexts();
  const api = useCatalogApi();
  const announce = useAnnounce();
  const { kind, id } = props;
  const [loaded, reload] = useResource(
    () => (id === undefined ? Promise.resolve(undefined) : api[kind].get(id)),
    [api, kind, id],
  );
  // The item as it is now (after a save, an archive…), and the generation of the form's content.
  const [current, setCurrent] = useState<View<K>>();
  const [generation, setGeneration] = useState(0);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const [stale, setStale] = useState<StaleDetails>();
  const reloading = useRef(false);
  const versionLine = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (loaded.status !== 'ready') return;
    setCurrent(loaded.data);
    setGeneration((g) => g + 1);
    if (reloading.current && loaded.data) {
      reloading.current = false;
      announce(tx.reloaded(loaded.data.version));
      versionLine.current?.focus();
    }
  }, [loaded]);

  const item = current ?? (loaded.status === 'ready' ? loaded.data : undefined);
  const name = item ? nameOf(item, text) : '';
  const kindWords = tx.kind[kind];
  // TypeScript does not see that FORMS[K] takes FormProps<K> (indexed access on a generic key): said once here.
  const Form = FORMS[kind] as ComponentType<FormProps<K>>;

  const reloadLatest = () => {
    setStale(undefined);
    setErrors({});
    reloading.current = true;
    reload();
  };

  const submit = async (entity: Entities[K]) => {
    const local = clientErrors(entity, id === undefined, tx);
    setErrors(local ?? {});
    setStale(undefined);
    if (local) return;
    setBusy(true);
    try {
      if (!item) {
        const created = await api[kind].create(entity);
        announce(tx.created(nameOf(created, text)));
        navigate(itemHref(kind, created.id));
      } else {
        const saved = await api[kind].update(entity, item.version);
        setCurrent(saved);
        announce(tx.saved(nameOf(saved, text)));
      }
    } catch (err) {
      const s = staleOf(err);
      if (s) setStale(s);
      else setErrors(catalogFormErrors(err, t, tx));
    } finally {
      setBusy(false);
    }
  };

  const staleNotice = stale && <StaleNotice details={stale} onReload={reloadLatest} />;
  return (
    <>
      <p>
        <Link to={listHref(kind)}>{tx.backToList(kindWords.many)}</Link>
      </p>
      <PageTitle>{id === undefined ? kindWords.fresh : tx.itemTitle(kindWords.one, name || id)}</PageTitle>
      <AsyncView resource={loaded} retry={reload}>
        {() => (
          <>
            {item && (
              <>
                <p class="hint" ref={versionLine} tabIndex={-1}>
                  {tx.versionLine(
                    item.version,
                    item.updatedAt ? formatDateTime(item.updatedAt, locale) : '?',
                    item.updatedBy ?? '?',
                  )}{' '}
                  <Link to={historyHref(kind, item.id)}>
                    {tx.history}
                    <span class="sr-only">{tx.about(name)}</span>
                  </Link>
                </p>
                {item.archived && (
                  <p class="notice notice-info">
                    <span class="badge">{tx.archivedBadge}</span> {tx.archivedNotice}
                  </p>
                )}
                <ItemToolbar
                  kind={kind}
                  item={item}
                  name={name}
                  onChanged={setCurrent}
                  onStale={setStale}
                  onRemoved={() => navigate(listHref(kind))}
                />
              </>
            )}
            {/* A stale notice raised by the toolbar shows here too, when the form is not the one that failed. */}
            <Form
              key={generation}
              initial={item}
              busy={busy}
              errors={errors}
              onSubmit={submit}
              notice={staleNotice}
            />
          </>
        )}
      </AsyncView>
    </>
  );
}
