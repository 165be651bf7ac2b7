import { nowDate } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import { reportSettings } from '@parcours/domain/content/report-settings';
import type { AgentSummary } from '@parcours/domain/reports/agent-model';
import { type Cell, csvHead, csvLine } from '@parcours/domain/reports/csv';
import {
  agentCsvHeader,
  agentCsvRow,
  PATH_CSV_HEADER,
  pathCsvRow,
  serviceCsvHeader,
  serviceCsvRows,
} from '@parcours/domain/reports/render';
import { type ApiReply, SECURITY_HEADERS } from '@parcours/http';
import type { PathRow } from './paths.ts';
import type { ServiceMatrixView } from './services.ts';

/** CSV renderers of the three reports (header once, then rows): shared by the pages and the exports. */
export const agentCsv = {
  header: () => agentCsvHeader(catalog(), reportSettings()),
  row: (a: AgentSummary): Cell[] => agentCsvRow(a, catalog(), reportSettings()),
};

export const serviceCsv = {
  header: () => serviceCsvHeader(reportSettings()),
  rows: (m: ServiceMatrixView): Cell[][] => serviceCsvRows(m, m.serviceName, catalog(), reportSettings()),
};

export const pathCsv = {
  header: () => PATH_CSV_HEADER,
  row: (r: PathRow): Cell[] => pathCsvRow(r, catalog()),
};

export function csvDocument(header: readonly string[], rows: readonly Cell[][]): string {
  let out = csvHead(header);
  for (const r of rows) out += csvLine(r);
  return out;
}

export function todayStamp(now = nowDate()): string {
  return now.toISOString().slice(0, 10).replaceAll('-', '');
}

/** A CSV answer (a page of a report): `text/csv` for Excel, the next page's cursor in a header. */
export function csvReply(text: string, fileName: string, nextCursor?: string): ApiReply {
  return {
    result: {
      statusCode: 200,
      headers: {
        ...SECURITY_HEADERS,
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${fileName}"`,
        ...(nextCursor ? { 'x-next-cursor': nextCursor } : {}),
      },
      body: text,
    },
  };
}
