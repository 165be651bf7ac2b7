import { nowDate, nowIso } from '@parcours/domain/clock';
import { catalog } from '@parcours/domain/content/catalog';
import { reportSettings, targetsFor } from '@parcours/domain/content/report-settings';
import { addCounters, buildMatrix, type Counters, pathStats } from '@parcours/domain/reports/aggregates';
import { NO_PATH } from '@parcours/domain/reports/contributions';
import { parisMonth, previousMonth } from '@parcours/domain/reports/paris-time';
import { summaryVars } from '@parcours/domain/reports/summary';
import { keys } from '@parcours/store';
import { readMatrixCounters, readPathCounters } from '@parcours/store/report-counters';
import { createHrSummary, type HrSummaryItem } from '@parcours/store/report-summary';

/**
 * The monthly HR summary (scheduled on the 1st): for each recipient of content/reports.json, last month's figures
 * in their services and today's entry-module and coverage state, recorded once per (month, recipient) and handed
 * to the notifications path (its stream record: functions/stream/notifications.ts). Re-running for a month creates nothing new.
 */
export async function runMonthlySummary(opts: { month?: string; now?: Date } = {}) {
  const c = catalog();
  const settings = reportSettings();
  const month = opts.month ?? previousMonth(parisMonth((opts.now ?? nowDate()).toISOString()));
  const pathIds = [...c.paths.map((p) => p.id), NO_PATH];
  const [pathItems, matrix] = await Promise.all([
    readPathCounters(pathIds, month, month),
    readMatrixCounters('all'),
  ]);
  let created = 0;
  let existing = 0;
  for (const recipient of settings.monthlySummary.recipients) {
    const paths = pathIds.map((pathId) => {
      const e: Counters = {};
      const v: Counters = {};
      for (const it of pathItems) {
        if (it.pathId !== pathId) continue;
        if (it.service === undefined) addCounters(v, it.counters);
        else if (recipient.services.includes(it.service)) addCounters(e, it.counters);
      }
      return { pathId, ...pathStats(e, v) };
    });
    const services = recipient.services.map((serviceId) =>
      buildMatrix({
        serviceId,
        counters: matrix.get(serviceId) ?? {},
        competencyIds: c.competencies.map((x) => x.id),
        targets: targetsFor(settings, serviceId),
        entryModuleId: settings.mandatoryEntryModuleId,
      }),
    );
    const vars = summaryVars({ recipient, month, paths, services }, c, settings);
    const item: HrSummaryItem = {
      ...keys.report.summary(month, recipient.id),
      entity: 'report-hr-summary',
      month,
      recipientId: recipient.id,
      ...(recipient.userId ? { userId: recipient.userId } : {}),
      email: recipient.email,
      name: recipient.name,
      locale: recipient.locale,
      services: recipient.services,
      template: 'hr-monthly-summary',
      vars,
      status: 'pending',
      createdAt: nowIso(),
    };
    // Recorded once; its stream record hands it to the notifications projection (at least once, id per month and
    // recipient), so a crash after this write loses no e-mail.
    if (await createHrSummary(item)) created++;
    else existing++;
  }
  return { month, recipients: settings.monthlySummary.recipients.length, created, existing };
}
