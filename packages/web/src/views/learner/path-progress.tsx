import type { Progress } from '../../api/types.ts';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { useNames } from '../../hooks/use-names.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { moduleStatusLabel } from './status-labels.ts';

type PathProgress = Progress['paths'][number];

/** One path: the entry module, then "N of M electives" as a native progress bar and the list of electives. */
function PathCard({ p }: { p: PathProgress }) {
  const { t } = useI18n();
  const { moduleTitle, pathTitle } = useCatalog();
  const id = `path-${p.pathId}`;
  return (
    <article class="card" aria-labelledby={`${id}-title`} data-testid={`progress-${p.pathId}`}>
      <h3 id={`${id}-title`}>{pathTitle(p.pathId)}</h3>
      {p.completed && <p class="badge badge-success">{t.pathDone}</p>}
      {!p.joined && <p class="hint">{t.pathNotJoined}</p>}
      <dl class="facts">
        <div>
          <dt>{t.entryModule}</dt>
          <dd>
            {moduleTitle(p.entryModule.moduleId)} —{' '}
            <span class={`status status-${p.entryModule.status}`}>
              {moduleStatusLabel(t, p.entryModule.status)}
            </span>
          </dd>
        </div>
        <div>
          <dt id={`${id}-electives`}>{t.electives}</dt>
          <dd>
            <progress
              max={p.electivesRequired}
              value={Math.min(p.electivesCompleted, p.electivesRequired)}
              aria-labelledby={`${id}-electives`}
              aria-describedby={`${id}-electives-text`}
            />
            <span id={`${id}-electives-text`}>
              {t.electivesProgress(p.electivesCompleted, p.electivesRequired)}
            </span>
          </dd>
        </div>
      </dl>
      <ul class="module-list">
        {p.electives.map((e) => (
          <li key={e.moduleId}>
            {moduleTitle(e.moduleId)} —{' '}
            <span class={`status status-${e.status}`}>{moduleStatusLabel(t, e.status)}</span>
          </li>
        ))}
      </ul>
    </article>
  );
}

export function PathProgressSection({ progress }: { progress: Progress }) {
  const { t } = useI18n();
  const { competencyTitle, levelName } = useNames();
  return (
    <>
      {progress.paths.length === 0 ? (
        <p>{t.noPaths}</p>
      ) : (
        <div class="cards">
          {progress.paths.map((p) => (
            <PathCard key={p.pathId} p={p} />
          ))}
        </div>
      )}
      <h3>{t.competenciesHeading}</h3>
      {progress.competencies.length === 0 ? (
        <p>{t.noCompetencies}</p>
      ) : (
        <ul class="module-list">
          {progress.competencies.map((c) => (
            <li key={c.competencyId}>
              {competencyTitle(c.competencyId)} — {levelName(c.level)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
