import { StaleVersionNotice } from '../../../components/stale-notice.tsx';
import type { StaleDetails } from './catalog-errors.ts';
import { useTexts } from './texts.ts';

/** A catalogue item someone saved in between (409 `stale-version`), in the catalogue's words. */
export function StaleNotice(props: { details: StaleDetails; onReload: () => void }) {
  const tx = useTexts();
  return (
    <StaleVersionNotice
      details={props.details}
      title={tx.staleTitle}
      text={tx.staleText}
      reloadLabel={tx.reloadLatest}
      onReload={props.onReload}
    />
  );
}
