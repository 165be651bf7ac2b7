import { useEffect, useRef, useState } from 'preact/hooks';
import { must, useApi } from '../../../api/client.ts';
import { ApiError } from '../../../api/http.ts';
import type { Ladder, Trainer } from '../../../api/types.ts';
import { AsyncView } from '../../../components/async-view.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { formatDate, formatDateTime } from '../../../format.ts';
import { useCatalog } from '../../../hooks/use-catalog.ts';
import { useNames } from '../../../hooks/use-names.ts';
import { useResource } from '../../../hooks/use-resource.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link } from '../../../router.tsx';
import { SignOffForm } from './sign-off-form.tsx';
import { useTexts } from './texts.ts';
import { TrainerForm } from './trainer-form.tsx';
import { ModuleLadderCard, signButtonId } from './trainer-ladder.tsx';

/** The registry entry as facts, and the form that edits it (PUT with the version read: no lost update). */
function RegistryEntry(props: { trainer: Trainer; onSaved: () => void }) {
  const { locale } = useI18n();
  const tx = useTexts();
  const { moduleTitle } = useCatalog();
  const { serviceName } = useNames();
  const [editing, setEditing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (editing) heading.current?.focus();
  }, [editing]);
  const tr = props.trainer;
  const kindLabel = (k: Trainer['kind']) => (k === 'internal' ? tx.internal : tx.external);
  const close = () => {
    setEditing(false);
    setTimeout(() => document.getElementById('edit-trainer')?.focus(), 0);
  };
  return (
    <>
      <dl class="facts trainer-facts">
        <div>
          <dt>{tx.kind}</dt>
          <dd>{kindLabel(tr.kind)}</dd>
        </div>
        <div>
          <dt>{tr.kind === 'internal' ? tx.homeService : tx.provider}</dt>
          <dd>
            {tr.kind === 'internal'
              ? tr.homeServiceId
                ? serviceName(tr.homeServiceId)
                : '—'
              : (tr.organisation ?? '—')}
          </dd>
        </div>
        <div>
          <dt>{tx.id}</dt>
          <dd>{tr.id}</dd>
        </div>
        <div>
          <dt>{tx.email}</dt>
          <dd>{tr.email ?? '—'}</dd>
        </div>
        <div>
          <dt>{tx.phone}</dt>
          <dd>{tr.phone ?? '—'}</dd>
        </div>
        <div>
          <dt>{tx.modulesCol}</dt>
          <dd>{tr.modules.length ? tr.modules.map(moduleTitle).join(', ') : tx.noModules}</dd>
        </div>
        <div>
          <dt>{tx.activeFilter}</dt>
          <dd>{tr.active ? tx.active : tx.inactive}</dd>
        </div>
        {tr.kindHistory.length > 1 && (
          <div>
            <dt>{tx.kindHistory}</dt>
            <dd>
              <ul>
                {tr.kindHistory.map((h) => (
                  <li key={h.from}>{tx.kindSince(kindLabel(h.kind), formatDate(h.from, locale))}</li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      <p class="hint">{tx.updated(formatDateTime(tr.updatedAt, locale), tr.updatedBy)}</p>
      {!editing && (
        <button type="button" id="edit-trainer" class="btn btn-secondary" onClick={() => setEditing(true)}>
          {tx.edit}
        </button>
      )}
      {editing && (
        <section class="panel" aria-labelledby="edit-trainer-heading" data-testid="edit-trainer-panel">
          <h3 id="edit-trainer-heading" ref={heading} tabIndex={-1}>
            {tx.editHeading}
          </h3>
          <TrainerForm
            initial={tr}
            onSaved={() => {
              props.onSaved();
              close();
            }}
            onCancel={close}
          />
        </section>
      )}
    </>
  );
}

/** The ladder of every module, and the sign-off panel (opened from a step, or empty for a recognition). */
function LadderSection(props: {
  trainerId: string;
  trainerName: string;
  ladder: Ladder;
  onSigned: () => void;
}) {
  const tx = useTexts();
  const [panel, setPanel] = useState<{ moduleId: string; stepId: string } | 'blank'>();
  const [opened, setOpened] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (panel) heading.current?.focus();
  }, [panel, opened]);
  const open = (p: { moduleId: string; stepId: string } | 'blank') => {
    setPanel(p);
    setOpened((n) => n + 1);
  };
  const close = (focusId: string) => {
    setPanel(undefined);
    setTimeout(() => document.getElementById(focusId)?.focus(), 0);
  };
  const modules = props.ladder.modules;
  return (
    <>
      {modules.length === 0 ? (
        <p>{tx.noLadder}</p>
      ) : (
        modules.map((m) => (
          <ModuleLadderCard
            key={m.moduleId}
            state={m}
            onSign={(moduleId, stepId) => open({ moduleId, stepId })}
          />
        ))
      )}
      {!panel && modules.length > 0 && (
        <button type="button" id="open-sign-off" class="btn btn-secondary" onClick={() => open('blank')}>
          {tx.openSignOff}
        </button>
      )}
      {panel && (
        <section class="panel" aria-labelledby="sign-off-heading" data-testid="sign-off-panel">
          <h3 id="sign-off-heading" ref={heading} tabIndex={-1}>
            {tx.signOffHeading}
          </h3>
          <SignOffForm
            // A new request (another step's button) starts a fresh form.
            key={String(opened)}
            trainerId={props.trainerId}
            trainerName={props.trainerName}
            modules={modules}
            {...(panel === 'blank' ? {} : { preset: panel })}
            onDone={(moduleId) => {
              props.onSigned();
              close(`ladder-${moduleId}`);
            }}
            onCancel={() =>
              close(panel === 'blank' ? 'open-sign-off' : signButtonId(panel.moduleId, panel.stepId))
            }
          />
        </section>
      )}
    </>
  );
}

/** `/lab/formateurs/<id>`: one trainer's registry entry, ladder per module, and the lab's sign-offs. */
export function TrainerPage({ trainerId }: { trainerId: string }) {
  const tx = useTexts();
  const api = useApi();
  const [trainer, reloadTrainer] = useResource(
    () => must(api.GET('/trainers/{id}', { params: { path: { id: trainerId } } })),
    [api, trainerId],
  );
  const [ladder, reloadLadder] = useResource(
    () => must(api.GET('/trainers/{id}/ladder', { params: { path: { id: trainerId } } })),
    [api, trainerId],
  );
  const name = trainer.status === 'ready' ? trainer.data.name : trainerId;
  const notFound = (r: { status: string; error?: unknown }) =>
    r.status === 'error' && r.error instanceof ApiError && r.error.code === 'trainer-not-found';
  return (
    <>
      <PageTitle>{trainer.status === 'ready' ? trainer.data.name : tx.trainerFallback}</PageTitle>
      <p>
        <Link to="/lab/formateurs">{tx.backToRegistry}</Link>
      </p>
      <section aria-labelledby="entry-heading" data-testid="trainer-entry">
        <h2 id="entry-heading">{tx.entryHeading}</h2>
        {notFound(trainer) ? (
          <p class="notice notice-info">{tx.trainerNotFound}</p>
        ) : (
          <AsyncView resource={trainer} retry={reloadTrainer}>
            {(tr) => <RegistryEntry trainer={tr} onSaved={reloadTrainer} />}
          </AsyncView>
        )}
      </section>
      <section aria-labelledby="trainer-ladder-heading" data-testid="trainer-ladder">
        <h2 id="trainer-ladder-heading">{tx.ladderHeading}</h2>
        <p>{tx.ladderIntro}</p>
        {notFound(ladder) ? (
          <p>{tx.noLadder}</p>
        ) : (
          <AsyncView resource={ladder} retry={reloadLadder}>
            {(l) => (
              <LadderSection trainerId={trainerId} trainerName={name} ladder={l} onSigned={reloadLadder} />
            )}
          </AsyncView>
        )}
      </section>
    </>
  );
}
