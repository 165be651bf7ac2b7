import { useEffect } from 'preact/hooks';
import { must, useApi } from '../../../api/client.ts';
import type { PersonView } from '../../../api/types.ts';
import { useAnnounce } from '../../../components/announcer.tsx';
import { AsyncView } from '../../../components/async-view.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { useResource } from '../../../hooks/use-resource.ts';
import { Link, navigate, useLocation } from '../../../router.tsx';
import { PeopleFiltersForm } from './people-filters.tsx';
import {
  filtersFromSearch,
  filtersToSearch,
  PEOPLE_PATH,
  type PeopleFilters,
  peopleQuery,
  personPath,
} from './people-query.ts';
import { ServiceCell } from './service-cell.tsx';
import { useTexts } from './texts.ts';
import { useServices } from './use-services.ts';

function PeopleTable(props: {
  people: PersonView[];
  unassigned: boolean;
  serviceName: (id: string) => string;
}) {
  const tx = useTexts();
  const { people } = props;
  if (people.length === 0) return <p>{props.unassigned ? tx.noneToAssign : tx.noneMatching}</p>;
  return (
    <DataTable
      caption={props.unassigned ? tx.captionToAssign(people.length) : tx.caption(people.length)}
      testId="people-table"
      rows={people}
      rowKey={(p) => p.userId}
      columns={[
        {
          header: tx.colName,
          rowHeader: true,
          cell: (p) => <Link to={personPath(p.userId)}>{p.displayName || p.userId}</Link>,
        },
        { header: tx.colEmail, cell: (p) => p.identity.email ?? tx.notGiven },
        {
          header: tx.colService,
          cell: (p) => <ServiceCell person={p} serviceName={props.serviceName} tx={tx} />,
        },
        { header: tx.colRoles, cell: (p) => p.roles.map(tx.roleName).join(', ') || tx.notGiven },
        { header: tx.colProvider, cell: (p) => tx.provider(p.provider) },
      ]}
    />
  );
}

/**
 * `/lab/people`: everyone who has signed in, filtered by the API (name or e-mail, role, service), and the list of
 * people whose service is to be assigned (its count always in view).
 */
export function PeopleList() {
  const tx = useTexts();
  const api = useApi();
  const announce = useAnnounce();
  const { search } = useLocation();
  const f = filtersFromSearch(search);
  const { all: services, serviceName } = useServices();
  // The address holds the state: replace (not push) so that Back leaves the page instead of replaying filters.
  const set = (next: Partial<PeopleFilters>) =>
    navigate(`${PEOPLE_PATH}${filtersToSearch({ ...f, ...next })}`, { replace: true });

  const [people, reload] = useResource(
    async () => (await must(api.GET('/people', { params: { query: peopleQuery(f) } }))).items,
    [api, f.q, f.role, f.service, f.unassigned],
  );
  const [toAssign] = useResource(
    async () => (await must(api.GET('/people', { params: { query: { unassigned: 'true' } } }))).items.length,
    [api],
  );
  const count = toAssign.status === 'ready' ? toAssign.data : undefined;
  // What arrived is said once, politely: the table itself is not a live region.
  useEffect(() => {
    if (people.status === 'ready') announce(tx.shown(people.data.length));
  }, [people]);

  return (
    <>
      <PageTitle>{tx.title}</PageTitle>
      <p>{tx.intro}</p>
      <nav class="subnav people-tabs" aria-label={tx.viewsLabel}>
        <ul>
          <li>
            <Link
              to={`${PEOPLE_PATH}${filtersToSearch({ ...f, unassigned: false })}`}
              aria-current={f.unassigned ? undefined : 'page'}
            >
              {tx.allPeople}
            </Link>
          </li>
          <li>
            <Link
              to={`${PEOPLE_PATH}${filtersToSearch({ ...f, unassigned: true })}`}
              aria-current={f.unassigned ? 'page' : undefined}
            >
              {tx.toAssignTab(count)}
            </Link>
          </li>
        </ul>
      </nav>
      {f.unassigned && <p class="notice notice-info">{tx.toAssignIntro}</p>}
      <PeopleFiltersForm value={f} services={services} onApply={set} />
      <section aria-label={tx.title} data-testid="people-list">
        <AsyncView resource={people} retry={reload}>
          {(items) => <PeopleTable people={items} unassigned={f.unassigned} serviceName={serviceName} />}
        </AsyncView>
      </section>
    </>
  );
}
