import type { Module } from '../../../api/types.ts';
import { useNames } from '../../../hooks/use-names.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link } from '../../../router.tsx';
import type { CatalogData } from './catalog-data.ts';
import { useTexts } from './texts.ts';

export const moduleHref = (id: string) => `/catalogue/modules/${encodeURIComponent(id)}`;

/**
 * What a module is: duration and its theory/practice split, competencies granted (with level), prerequisites,
 * practice sheets. `full` (the module's own page) adds the objectives and each sheet's summary.
 */
export function ModuleFacts(props: { module: Module; catalog: CatalogData; full?: boolean }) {
  const { text } = useI18n();
  const tx = useTexts();
  const { levelName } = useNames();
  const m = props.module;
  const c = props.catalog;
  const title = (id: string) => text(c.modules.find((x) => x.id === id)?.title, id);
  const competencyTitle = (id: string) => text(c.competencies.find((x) => x.id === id)?.title, id);
  return (
    <dl class="facts catalog-facts">
      <div>
        <dt>{tx.duration}</dt>
        <dd>
          {m.durationMinutes} min — {tx.split(m.theoryMinutes, m.practiceMinutes)}
        </dd>
      </div>
      {props.full && (
        <div>
          <dt>{tx.objectives}</dt>
          <dd>
            <ul class="module-list">
              {m.objectives.map((o) => (
                <li key={o.fr}>{text(o)}</li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      <div>
        <dt>{tx.competencies}</dt>
        <dd>
          <ul class="module-list">
            {m.competencies.map((c) => (
              <li key={c.competencyId}>
                {competencyTitle(c.competencyId)} — {levelName(c.level)}
              </li>
            ))}
          </ul>
        </dd>
      </div>
      <div>
        <dt>{tx.prerequisites}</dt>
        <dd>
          {m.prerequisites.length === 0 ? (
            tx.noPrerequisites
          ) : (
            <ul class="module-list">
              {m.prerequisites.map((id) => (
                <li key={id}>
                  <Link to={moduleHref(id)}>{title(id)}</Link>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div>
        <dt>{tx.practiceSheets}</dt>
        <dd>
          {m.practiceSheets.length === 0 ? (
            tx.noPracticeSheets
          ) : (
            <ul class="module-list">
              {m.practiceSheets.map((s) => (
                <li key={s.id}>
                  {props.full ? <strong>{text(s.title)}</strong> : text(s.title)}
                  {props.full && <> — {text(s.summary)}</>}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}
