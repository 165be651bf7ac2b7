import { ENDPOINTS } from '../../api/endpoints.ts';
import { apiJson } from '../../api/http.ts';
import type { AgentDetail } from '../../api/types.ts';
import { useToken } from '../../auth/auth.tsx';
import { AsyncView } from '../../components/async-view.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { formatDate } from '../../format.ts';
import { useCatalog } from '../../hooks/use-catalog.ts';
import { useNames } from '../../hooks/use-names.ts';
import { useResource } from '../../hooks/use-resource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';
import { enrolmentStatusLabel } from '../learner/status-labels.ts';

/** One agent: competencies with their evidence, path status, session history. */
export function HrAgentView({ learnerId }: { learnerId: string }) {
  const { t, locale } = useI18n();
  const token = useToken();
  const { moduleTitle, pathTitle } = useCatalog();
  const { serviceName, competencyTitle, levelName } = useNames();
  const [agent, reload] = useResource(
    () => apiJson<AgentDetail>(ENDPOINTS.agent(learnerId), { token }),
    [learnerId, token],
  );
  return (
    <>
      <p>
        <Link to="/rh">{t.backToMap}</Link>
      </p>
      <PageTitle>{agent.status === 'ready' ? agent.data.name : t.agentHeading}</PageTitle>
      <AsyncView resource={agent} retry={reload}>
        {(a) => (
          <>
            <p>
              {serviceName(a.service)}
              {a.email ? ` · ${a.email}` : ''}
            </p>
            <h2>{t.competenciesHeading}</h2>
            {a.competencies.length === 0 ? (
              <p>{t.noCompetenciesAgent}</p>
            ) : (
              <DataTable
                caption={t.competenciesHeading}
                captionHidden
                rows={a.competencies}
                rowKey={(c) => c.competencyId}
                columns={[
                  { header: t.competency, cell: (c) => competencyTitle(c.competencyId), rowHeader: true },
                  { header: t.level, cell: (c) => levelName(c.level) },
                  {
                    header: t.evidence,
                    cell: (c) =>
                      c.evidence
                        .map((e) => `${moduleTitle(e.moduleId)} (${formatDate(e.completedAt, locale)})`)
                        .join(', '),
                  },
                ]}
              />
            )}
            <h2>{t.pathsHeading}</h2>
            <ul>
              {a.paths.map((p) => (
                <li key={p.pathId}>
                  {pathTitle(p.pathId)} — {t.electivesProgress(p.electivesCompleted, p.electivesRequired)}
                </li>
              ))}
            </ul>
            <h2>{t.sessionHistory}</h2>
            <DataTable
              caption={t.sessionHistory}
              captionHidden
              rows={a.sessionHistory}
              rowKey={(s) => s.sessionId}
              columns={[
                { header: t.date, cell: (s) => formatDate(s.start, locale), rowHeader: true },
                { header: t.module, cell: (s) => moduleTitle(s.moduleId) },
                { header: t.status, cell: (s) => enrolmentStatusLabel(t, s) },
              ]}
            />
          </>
        )}
      </AsyncView>
    </>
  );
}
