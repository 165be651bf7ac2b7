import type { PersonPage, PersonView } from '../../../api/types.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { formatDate, formatDateTime } from '../../../format.ts';
import { useCatalog } from '../../../hooks/use-catalog.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link } from '../../../router.tsx';
import { trainerPath } from '../trainers/trainer-registry.tsx';
import { useTexts } from './texts.ts';

function Fact(props: { label: string; value: string | undefined }) {
  const tx = useTexts();
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.value || tx.notGiven}</dd>
    </div>
  );
}

/** Who they are, as their identity provider says (ProConnect: uid, SIRET, unit), and the record's dates. */
export function IdentityFacts({ person }: { person: PersonView }) {
  const { locale } = useI18n();
  const tx = useTexts();
  const id = person.identity;
  const proConnect = person.provider === 'proconnect';
  return (
    <dl class="facts people-facts" data-testid="person-identity">
      <Fact label={tx.givenName} value={id.givenName} />
      <Fact label={tx.familyName} value={id.familyName} />
      <Fact label={tx.email} value={id.email} />
      <Fact label={tx.providerLabel} value={tx.provider(person.provider)} />
      {(proConnect || id.uid) && <Fact label={tx.uid} value={id.uid} />}
      {(proConnect || id.siret) && <Fact label={tx.siret} value={id.siret} />}
      {(proConnect || id.organizationalUnit) && <Fact label={tx.unit} value={id.organizationalUnit} />}
      <Fact label={tx.userId} value={person.userId} />
      <Fact label={tx.createdAt} value={formatDateTime(person.createdAt, locale)} />
      <Fact
        label={tx.updatedAt}
        value={tx.updated(formatDateTime(person.updatedAt, locale), person.updatedBy)}
      />
    </dl>
  );
}

/** The paths they joined, by name, with the date. */
export function PathsJoined({ paths }: { paths: PersonPage['paths'] }) {
  const { locale } = useI18n();
  const tx = useTexts();
  const { pathTitle } = useCatalog();
  if (paths.length === 0) return <p>{tx.noPaths}</p>;
  return (
    <DataTable
      caption={tx.pathsCaption}
      captionHidden
      testId="person-paths"
      rows={paths}
      rowKey={(p) => p.pathId}
      columns={[
        { header: tx.colPath, rowHeader: true, cell: (p) => pathTitle(p.pathId) },
        { header: tx.colJoined, cell: (p) => formatDate(p.joinedAt, locale) },
      ]}
    />
  );
}

/** Their trainer registry entry in short, with the way to the whole of it; or a line saying there is none. */
export function TrainerEntry(props: { userId: string; trainer: PersonPage['trainer'] }) {
  const tx = useTexts();
  const { moduleTitle } = useCatalog();
  const tr = props.trainer;
  if (!tr) return <p>{tx.notTrainer}</p>;
  return (
    <>
      <dl class="facts people-facts">
        <Fact label={tx.trainerKind} value={tx.kindName(tr.kind)} />
        <Fact label={tx.trainerStatus} value={tr.active ? tx.active : tx.inactive} />
        <Fact
          label={tx.trainerModules}
          value={tr.modules.length ? tr.modules.map(moduleTitle).join(', ') : tx.noModules}
        />
      </dl>
      <p>
        <Link to={trainerPath(props.userId)}>{tx.openTrainer}</Link>
      </p>
    </>
  );
}
