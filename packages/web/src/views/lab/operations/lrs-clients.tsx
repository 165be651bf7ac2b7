import { useEffect, useRef, useState } from 'preact/hooks';
import { must, useApi } from '../../../api/client.ts';
import { ApiError } from '../../../api/http.ts';
import type { Answer } from '../../../api/types.ts';
import { useAnnounce } from '../../../components/announcer.tsx';
import { AsyncView, ErrorText } from '../../../components/async-view.tsx';
import { type Column, DataTable } from '../../../components/data-table.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { formatDate, formatDateTime } from '../../../format.ts';
import { useResource } from '../../../hooks/use-resource.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { LrsClientForm } from './lrs-client-form.tsx';
import { LrsSecretPanel, type Revealed } from './lrs-secret-panel.tsx';
import { useTexts } from './texts.ts';

type Client = Answer<'lrs-clients-list'>['items'][number];
type Action = 'rotate' | 'revoke';
const buttonId = (action: Action, key: string) => `lrs-${action}-${key}`;
const focusLater = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);

/** "Are you sure?" before a rotate or a revoke: both cut off whoever uses the credentials now. */
function ConfirmPanel(props: {
  action: Action;
  client: Client;
  onConfirmed: (result: Answer<'lrs-clients-rotate'> | Answer<'lrs-clients-revoke'>) => void;
  onCancel: () => void;
}) {
  const tx = useTexts();
  const api = useApi();
  const heading = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const { action, client } = props;
  useEffect(() => heading.current?.focus(), [action, client.key]);
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const params = { params: { path: { id: client.key } } };
      props.onConfirmed(
        action === 'rotate'
          ? await must(api.POST('/lrs/clients/{id}/rotate', params))
          : await must(api.POST('/lrs/clients/{id}/revoke', params)),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const rotate = action === 'rotate';
  return (
    <section class="panel" aria-labelledby="lrs-confirm-heading" data-testid="lrs-confirm-panel">
      <h2 id="lrs-confirm-heading" ref={heading} tabIndex={-1}>
        {rotate ? tx.confirmRotateHeading(client.name) : tx.confirmRevokeHeading(client.name)}
      </h2>
      <p>{rotate ? tx.confirmRotateText : tx.confirmRevokeText}</p>
      {error !== undefined && (
        <p role="alert" class="notice notice-error">
          {(error instanceof ApiError && tx.apiErrors(error.code)) || <ErrorText error={error} />}
        </p>
      )}
      <div class="form-actions">
        <button
          type="button"
          class={rotate ? 'btn btn-primary' : 'btn btn-danger'}
          disabled={busy}
          onClick={confirm}
        >
          {rotate ? tx.confirmRotate : tx.confirmRevoke}
        </button>
        <button type="button" class="btn btn-tertiary" disabled={busy} onClick={props.onCancel}>
          {tx.cancel}
        </button>
      </div>
    </section>
  );
}

/** Operations `/lrs`: the credentials, their creation, rotation and revocation; secrets shown once. */
export function LrsClients() {
  const { t, locale } = useI18n();
  const tx = useTexts();
  const api = useApi();
  const announce = useAnnounce();
  const [clients, reload] = useResource(() => must(api.GET('/lrs/clients')), [api]);
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<{ action: Action; client: Client }>();
  // The one-time secret: here only while its panel is open.
  const [revealed, setRevealed] = useState<Revealed>();
  const formHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (creating) formHeading.current?.focus();
  }, [creating]);

  const statusLabel = (c: Client) =>
    ({ active: tx.statusActive, expired: tx.statusExpired, revoked: tx.statusRevoked })[c.status];
  const ask = (action: Action, client: Client) => {
    setCreating(false);
    setPending({ action, client });
  };
  const columns: Column<Client>[] = [
    { header: tx.clientName, rowHeader: true, cell: (c) => c.name },
    { header: tx.key, cell: (c) => <code>{c.key}</code> },
    { header: tx.scopes, cell: (c) => c.scopes.map((s) => tx.scopeNames[s] ?? s).join(', ') },
    {
      header: t.status,
      cell: (c) => (
        <span id={`lrs-status-${c.key}`} tabIndex={-1}>
          <span class={c.status === 'active' ? 'badge badge-on-track' : 'badge badge-blocked'}>
            {statusLabel(c)}
          </span>
          {c.rotatedAt && <span class="hint"> {tx.rotatedOn(formatDate(c.rotatedAt, locale))}</span>}
          {c.revokedAt && <span class="hint"> {tx.revokedOn(formatDate(c.revokedAt, locale))}</span>}
        </span>
      ),
    },
    { header: tx.createdAt, cell: (c) => tx.createdBy(formatDateTime(c.createdAt, locale), c.createdBy) },
    {
      header: tx.validUntil,
      cell: (c) => (c.validUntil ? formatDateTime(c.validUntil, locale) : tx.noExpiry),
    },
    {
      header: t.actions,
      cell: (c) =>
        c.status === 'revoked' ? null : (
          <span class="row-actions">
            {c.status === 'active' && (
              <button
                type="button"
                id={buttonId('rotate', c.key)}
                class="btn btn-secondary btn-small"
                onClick={() => ask('rotate', c)}
              >
                {tx.rotate}
                <span class="sr-only">{tx.actionContext(c.name)}</span>
              </button>
            )}
            <button
              type="button"
              id={buttonId('revoke', c.key)}
              class="btn btn-danger btn-small"
              onClick={() => ask('revoke', c)}
            >
              {tx.revoke}
              <span class="sr-only">{tx.actionContext(c.name)}</span>
            </button>
          </span>
        ),
    },
  ];

  const dismissSecret = () => {
    setRevealed(undefined);
    focusLater('add-lrs-client');
  };

  return (
    <>
      <PageTitle>{tx.navLrs}</PageTitle>
      <section data-testid="lrs-clients" aria-label={tx.navLrs}>
        <p>{tx.lrsIntro}</p>
        {revealed && <LrsSecretPanel revealed={revealed} onDismiss={dismissSecret} />}
        {pending && !revealed && (
          <ConfirmPanel
            action={pending.action}
            client={pending.client}
            onCancel={() => {
              setPending(undefined);
              focusLater(buttonId(pending.action, pending.client.key));
            }}
            onConfirmed={(result) => {
              setPending(undefined);
              reload();
              if ('secret' in result)
                setRevealed({ name: result.name, key: result.key, secret: result.secret });
              else {
                announce(tx.revoked(result.name));
                focusLater(`lrs-status-${result.key}`);
              }
            }}
          />
        )}
        {!creating && !revealed && (
          <p>
            <button
              type="button"
              id="add-lrs-client"
              class="btn btn-secondary"
              onClick={() => {
                setPending(undefined);
                setCreating(true);
              }}
            >
              {tx.addClient}
            </button>
          </p>
        )}
        {creating && (
          <section class="panel" aria-labelledby="lrs-create-heading" data-testid="lrs-create-panel">
            <h2 id="lrs-create-heading" ref={formHeading} tabIndex={-1}>
              {tx.createHeading}
            </h2>
            <LrsClientForm
              onCreated={(c) => {
                setCreating(false);
                reload();
                setRevealed({ name: c.name, key: c.key, secret: c.secret });
              }}
              onCancel={() => {
                setCreating(false);
                focusLater('add-lrs-client');
              }}
            />
          </section>
        )}
        <AsyncView resource={clients} retry={reload}>
          {(r) =>
            r.items.length === 0 ? (
              <p>{tx.noClients}</p>
            ) : (
              <DataTable
                caption={tx.lrsCaption}
                testId="lrs-clients-table"
                rows={r.items}
                rowKey={(c) => c.key}
                columns={columns}
              />
            )
          }
        </AsyncView>
      </section>
    </>
  );
}
