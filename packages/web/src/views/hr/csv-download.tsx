import { useState } from 'preact/hooks';
import { ENDPOINTS } from '../../api/endpoints.ts';
import { apiBlob, apiJson } from '../../api/http.ts';
import type { ExportInput, ExportJob } from '../../api/types.ts';
import { useToken } from '../../auth/auth.tsx';
import { useAnnounce } from '../../components/announcer.tsx';
import { ErrorText } from '../../components/async-view.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { saveBlob } from '../../save-blob.ts';
import type { AgentFilterParams } from './agents-query.ts';

/** Builds the export (in parts, continuing while the server says `running`), then downloads the parts as one file. */
async function exportCsv(
  token: string,
  filters: AgentFilterParams,
): Promise<{ blob: Blob; name: string; rows: number }> {
  const body: ExportInput = { report: 'agents', format: 'csv', filters };
  let job = await apiJson<ExportJob>(ENDPOINTS.exports, { method: 'POST', token, body });
  while (job.status === 'running' && job.continueUrl)
    job = await apiJson<ExportJob>(job.continueUrl, { method: 'POST', token });
  const parts: Blob[] = [];
  for (const p of job.parts) parts.push((await apiBlob(p.url, { token, accept: 'text/csv' })).blob);
  return { blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }), name: job.fileName, rows: job.rows };
}

/** "Download as CSV" (French Excel: semicolons, BOM), with the filters on screen. */
export function CsvDownload({ filters }: { filters: AgentFilterParams }) {
  const { t } = useI18n();
  const token = useToken();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const download = async () => {
    setBusy(true);
    setError(undefined);
    announce(t.csvPreparing);
    try {
      const file = await exportCsv(token, filters);
      saveBlob(file.blob, file.name);
      announce(t.csvReady(file.rows));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="csv-download">
      <button
        type="button"
        class="btn btn-secondary"
        onClick={download}
        disabled={busy}
        aria-describedby="csv-hint"
      >
        {t.csvDownload}
      </button>
      <span id="csv-hint" class="hint">
        {t.csvHint}
      </span>
      {error !== undefined && (
        <p role="alert" class="notice notice-error">
          <ErrorText error={error} />
        </p>
      )}
    </div>
  );
}
