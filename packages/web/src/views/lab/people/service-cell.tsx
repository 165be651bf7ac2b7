import type { PersonView } from '../../../api/types.ts';
import type { PeopleTexts } from './texts.ts';

/** The service, or a visible "to be assigned" badge (in words, not a colour alone). */
export function ServiceCell(props: {
  person: PersonView;
  serviceName: (id: string) => string;
  tx: PeopleTexts;
}) {
  const { person, tx } = props;
  if (person.service) return <>{props.serviceName(person.service)}</>;
  return <span class="badge badge-to-assign">{tx.toAssignBadge}</span>;
}
