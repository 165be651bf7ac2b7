import type { Enrolment } from '../../../api/types.ts';
import { fr as frDictionary } from '../../../i18n/fr.ts';
import { saveBlob } from '../../../save-blob.ts';
import { enrolmentStatusLabel } from '../../learner/status-labels.ts';
import { instantToParis } from './paris-time.ts';

/**
 * A session's enrolments as a CSV file French Excel opens as is: UTF-8 with a BOM (else accents break), `;` between
 * fields (`,` is the decimal mark), CRLF line ends, every field quoted. Headers and statuses are always French: the
 * file's columns must not depend on who exported it.
 */
const BOM = '\uFEFF';

/** A cell Excel would read as a formula (`=`, `+`, `-`, `@`) is prefixed with `'` (CSV injection). */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(rows: string[][]): string {
  return `${BOM}${rows.map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}

/** "03/03/2026 09:30", Paris time: a date-time Excel recognises in a French locale. */
function excelDateTime(iso: string): string {
  const { date, time } = instantToParis(iso);
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y} ${time}`;
}

const HEADERS = [
  'Module',
  'Début de la session',
  'Nom',
  'Identifiant de l’agent',
  'Statut',
  'Position en liste d’attente',
  'Inscrit le',
  'Mis à jour le',
];

export function enrolmentsCsv(moduleTitle: string, enrolments: Enrolment[]): string {
  return toCsv([
    HEADERS,
    ...enrolments.map((e) => [
      moduleTitle,
      excelDateTime(e.sessionStart),
      e.learnerName ?? '',
      e.learnerId,
      enrolmentStatusLabel(frDictionary, { status: e.status }),
      e.waitlistPosition === undefined ? '' : String(e.waitlistPosition),
      excelDateTime(e.createdAt),
      excelDateTime(e.updatedAt),
    ]),
  ]);
}

export function downloadCsv(content: string, name: string): void {
  saveBlob(new Blob([content], { type: 'text/csv;charset=utf-8' }), name);
}
