import { useEffect, useRef, useState } from 'preact/hooks';
import { ENDPOINTS } from '../../api/endpoints.ts';
import { apiJson, query } from '../../api/http.ts';
import type { AgentPage, AgentRow } from '../../api/types.ts';
import { useToken } from '../../auth/auth.tsx';
import { AsyncView, ErrorText } from '../../components/async-view.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { formatDate } from '../../format.ts';
import { useNames } from '../../hooks/use-names.ts';
import { useResource } from '../../hooks/use-resource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';
import type { AgentFilterParams } from './agents-query.ts';

const PAGE = 50;

/** The drill-down: the agents behind a heatmap cell, 50 at a time, each linking to their detail. */
export function AgentsPanel(props: {
  title: string;
  filters: AgentFilterParams;
  competency?: string;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const token = useToken();
  const { serviceName, levelName } = useNames();
  const heading = useRef<HTMLHeadingElement>(null);
  const key = JSON.stringify(props.filters);
  const [more, setMore] = useState<AgentRow[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [moreError, setMoreError] = useState<unknown>();
  const [page] = useResource(async () => {
    const p = await apiJson<AgentPage>(`${ENDPOINTS.agents}${query({ ...props.filters, limit: PAGE })}`, {
      token,
    });
    setMore([]);
    setCursor(p.nextCursor);
    return p;
  }, [key, token]);
  useEffect(() => heading.current?.focus(), [key]);

  const loadMore = async () => {
    try {
      const p = await apiJson<AgentPage>(
        `${ENDPOINTS.agents}${query({ ...props.filters, limit: PAGE, cursor })}`,
        {
          token,
        },
      );
      setMore([...more, ...p.items]);
      setCursor(p.nextCursor);
    } catch (e) {
      setMoreError(e);
    }
  };

  const level = (a: AgentRow) =>
    props.competency
      ? levelName(a.competencies.find((c) => c.competencyId === props.competency)?.level ?? '')
      : '';

  return (
    <section class="panel" aria-labelledby="agents-heading" data-testid="agents-panel">
      <h3 id="agents-heading" ref={heading} tabIndex={-1}>
        {props.title}
      </h3>
      <AsyncView resource={page}>
        {(p) => {
          const rows = [...p.items, ...more];
          if (rows.length === 0) return <p>{t.noAgentsFound}</p>;
          return (
            <>
              <p role="status">{t.agentsShown(rows.length)}</p>
              <DataTable
                caption={props.title}
                captionHidden
                testId="agents-table"
                rows={rows}
                rowKey={(a) => a.learnerId}
                columns={[
                  {
                    header: t.agentName,
                    cell: (a) => <Link to={`/rh/agents/${encodeURIComponent(a.learnerId)}`}>{a.name}</Link>,
                    rowHeader: true,
                  },
                  { header: t.service, cell: (a) => serviceName(a.service) },
                  ...(props.competency ? [{ header: t.level, cell: level }] : []),
                  { header: t.entryModule, cell: (a) => (a.entryModuleCompleted ? t.yes : t.no) },
                  { header: t.modulesCompleted, cell: (a) => a.modulesCompleted.length, numeric: true },
                  {
                    header: t.lastActivity,
                    cell: (a) => (a.lastActivity ? formatDate(a.lastActivity, locale) : '—'),
                  },
                ]}
              />
              {cursor && (
                <button type="button" class="btn btn-secondary" onClick={loadMore}>
                  {t.loadMore}
                </button>
              )}
              {moreError !== undefined && (
                <p role="alert" class="notice notice-error">
                  <ErrorText error={moreError} />
                </p>
              )}
            </>
          );
        }}
      </AsyncView>
      <button type="button" class="btn btn-tertiary" onClick={props.onClose}>
        {t.closePanel}
      </button>
    </section>
  );
}
