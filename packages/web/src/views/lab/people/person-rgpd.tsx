import { useState } from 'preact/hooks';
import { must, useApi } from '../../../api/client.ts';
import type { Answer, PersonView } from '../../../api/types.ts';
import { useAnnounce } from '../../../components/announcer.tsx';
import { type FormErrors, formErrors } from '../../../components/form-errors.ts';
import { FormAlert } from '../../../components/form-field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { Link } from '../../../router.tsx';
import { parisToday } from '../operations/paris-time.ts';
import { ErasureConfirm, ErasureResult, saveJson } from '../operations/rgpd-requests.tsx';
import { useTexts as useOperationsTexts } from '../operations/texts.ts';
import { PEOPLE_PATH } from './people-query.ts';
import { useTexts } from './texts.ts';

type Erasure = Answer<'people-erasure'>;

/**
 * The person's data: export (a JSON download) and erasure, the operations page's confirmation reused (the id typed
 * again, an optional reason). A 409 `erase-lab-member` says to take the lab role away first.
 */
export function PersonRgpd({ person }: { person: PersonView }) {
  const { t } = useI18n();
  const tx = useTexts();
  const ops = useOperationsTexts();
  const api = useApi();
  const announce = useAnnounce();
  const [exporting, setExporting] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({});
  const [erasing, setErasing] = useState(false);
  const [result, setResult] = useState<Erasure>();
  const id = person.userId;
  const name = person.displayName || id;

  const download = async () => {
    setExporting(true);
    setErrors({});
    try {
      const data = await must(api.GET('/people/{id}/data-export', { params: { path: { id } } }));
      saveJson(data, `donnees-personnelles-${id}-${parisToday()}.json`);
      announce(tx.exported(name));
    } catch (err) {
      const e = formErrors(err, t, {}, (code) => tx.apiErrors(code) ?? ops.apiErrors(code));
      setErrors({ form: e.form ?? Object.values(e)[0] ?? '' });
    } finally {
      setExporting(false);
    }
  };

  if (result)
    return (
      <>
        <ErasureResult personId={id} result={result} />
        <p>
          <Link to={PEOPLE_PATH}>{tx.erasedBack}</Link>
        </p>
      </>
    );
  return (
    <>
      <p>{tx.rgpdIntro}</p>
      <div class="form-actions">
        <button type="button" class="btn btn-secondary" disabled={exporting} onClick={download}>
          {exporting ? tx.exporting : tx.exportButton}
        </button>
        {!erasing && (
          <button
            type="button"
            id="person-erase-start"
            class="btn btn-danger"
            onClick={() => setErasing(true)}
          >
            {tx.erasureStart}
          </button>
        )}
      </div>
      <FormAlert message={errors.form} />
      {erasing && (
        <>
          <p>{ops.erasureIntro}</p>
          <ErasureConfirm
            personId={id}
            onCancel={() => {
              setErasing(false);
              setTimeout(() => document.getElementById('person-erase-start')?.focus(), 0);
            }}
            onDone={(r) => {
              setErasing(false);
              setResult(r);
            }}
          />
        </>
      )}
    </>
  );
}
