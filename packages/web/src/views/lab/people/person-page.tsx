import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { must, useApi } from '../../../api/client.ts';
import { ApiError } from '../../../api/http.ts';
import type { PersonPage as PersonPageData, PersonView } from '../../../api/types.ts';
import { useAnnounce } from '../../../components/announcer.tsx';
import { AsyncView } from '../../../components/async-view.tsx';
import { PageTitle } from '../../../components/page-title.tsx';
import { useResource } from '../../../hooks/use-resource.ts';
import { Link } from '../../../router.tsx';
import { PEOPLE_PATH } from './people-query.ts';
import { IdentityFacts, PathsJoined, TrainerEntry } from './person-facts.tsx';
import { PersonRgpd } from './person-rgpd.tsx';
import { RolesForm } from './roles-form.tsx';
import { ServiceAssignForm } from './service-assign-form.tsx';
import { useTexts } from './texts.ts';
import { useServices } from './use-services.ts';

/** A section of the page: a heading (focusable, for "reload") and its content. */
function Section(props: { id: string; heading: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${props.id}-heading`} data-testid={props.id} class="people-section">
      <h2 id={`${props.id}-heading`}>{props.heading}</h2>
      {props.children}
    </section>
  );
}

/** The loaded page, with the person as they are now (a save answers the new version, which the next save sends). */
function PersonContent(props: { page: PersonPageData; generation: number; onReload: () => void }) {
  const tx = useTexts();
  const { ready, all, serviceName } = useServices();
  const g = props.generation;
  // What a save answered, for the generation it was made in: a reload shows what was loaded instead. A save keeps
  // the forms as typed, with the new version (which the next save sends).
  const [saved, setSaved] = useState<{ generation: number; person: PersonView }>();
  const person = saved?.generation === g ? saved.person : props.page.person;
  const setPerson = (p: PersonView) => setSaved({ generation: g, person: p });
  return (
    <>
      <Section id="person-identity-section" heading={tx.identityHeading}>
        <IdentityFacts person={person} />
      </Section>
      <Section id="person-roles-section" heading={tx.rolesHeading}>
        <RolesForm
          key={`roles-${g}`}
          person={person}
          services={ready ? all : undefined}
          onSaved={setPerson}
          onReload={props.onReload}
        />
      </Section>
      <Section id="person-service-section" heading={tx.serviceHeading}>
        <ServiceAssignForm
          key={`service-${g}`}
          person={person}
          services={all}
          serviceName={serviceName}
          onSaved={setPerson}
          onReload={props.onReload}
        />
      </Section>
      <Section id="person-paths-section" heading={tx.pathsHeading}>
        <PathsJoined paths={props.page.paths} />
      </Section>
      <Section id="person-trainer-section" heading={tx.trainerHeading}>
        <TrainerEntry userId={person.userId} trainer={props.page.trainer} />
      </Section>
      <Section id="person-rgpd-section" heading={tx.rgpdHeading}>
        <PersonRgpd person={person} />
      </Section>
    </>
  );
}

/** `/lab/people/<id>`: who they are, the roles and service the lab manages, their paths, trainer entry and data. */
export function PersonPage({ personId }: { personId: string }) {
  const tx = useTexts();
  const api = useApi();
  const announce = useAnnounce();
  const [page, reload] = useResource(
    () => must(api.GET('/people/{id}', { params: { path: { id: personId } } })),
    [api, personId],
  );
  const [generation, setGeneration] = useState(0);
  const reloading = useRef(false);
  useEffect(() => {
    if (page.status !== 'ready') return;
    setGeneration((n) => n + 1);
    if (reloading.current) {
      reloading.current = false;
      announce(tx.reloaded);
      document.getElementById('person-identity-section-heading')?.focus();
    }
  }, [page]);
  const reloadLatest = () => {
    reloading.current = true;
    reload();
  };
  const notFound =
    page.status === 'error' && page.error instanceof ApiError && page.error.code === 'Person-not-found';
  const name = page.status === 'ready' ? page.data.person.displayName || personId : tx.personFallback;
  return (
    <>
      <p>
        <Link to={PEOPLE_PATH}>{tx.backToList}</Link>
      </p>
      <PageTitle>{name}</PageTitle>
      {notFound ? (
        <p class="notice notice-info">{tx.personNotFound}</p>
      ) : (
        <AsyncView resource={page} retry={reload}>
          {(data) => <PersonContent page={data} generation={generation} onReload={reloadLatest} />}
        </AsyncView>
      )}
    </>
  );
}
