import './people.css';
import { PeopleList } from './people-list.tsx';
import { PersonPage } from './person-page.tsx';

/**
 * The cockpit's people section, `/lab/people<rest>`:
 * - `''`           everyone who has signed in (filters in the query), and those whose service is to be assigned;
 * - `/<personId>`  one person: identity, roles, service, paths joined, trainer entry, personal data.
 */
export function LabPeopleView({ rest }: { rest: string }) {
  const id = safeDecode(rest.split('/').filter(Boolean)[0]);
  // A new person is a new page: the key drops the previous one's state (forms, panels).
  return id ? <PersonPage key={id} personId={id} /> : <PeopleList />;
}

/** A malformed escape in a typed address shows "not found" rather than breaking the page. */
function safeDecode(segment: string | undefined): string | undefined {
  if (!segment) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
