import { describe, expect, it } from 'vitest';
import raw from '../../../content/reports.json' with { type: 'json' };
import { catalog } from '../../../packages/domain/src/content/catalog.ts';
import { emailTemplates } from '../../../packages/domain/src/content/email-templates.ts';
import {
  parseReportSettings,
  reportSettings,
  targetsFor,
} from '../../../packages/domain/src/content/report-settings.ts';
import { renderEmail } from '../../../packages/domain/src/notifications/render.ts';
import { buildMatrix, pathStats } from '../../../packages/domain/src/reports/aggregates.ts';
import { parseServiceList, resolveScope } from '../../../packages/domain/src/reports/scope.ts';
import { summaryVars } from '../../../packages/domain/src/reports/summary.ts';
import type { Principal } from '../../../packages/domain/src/roles.ts';

const services = catalog().services.map((s) => s.id);
const who = (roles: Principal['roles'], hrServices?: string[]): Principal => ({
  userId: 'u',
  roles,
  locale: 'fr',
  ...(hrServices ? { hrServices } : {}),
});

describe('report scope', () => {
  it('the lab sees every service (and the unassigned bucket), or the ones it asks for', () => {
    const all = resolveScope(who(['lab']), undefined, services);
    expect(all.all).toBe(true);
    expect(all.services).toContain('unassigned');
    expect(resolveScope(who(['lab']), ['ars'], services)).toEqual({ all: false, services: ['ars'] });
  });

  it('HR see their services only; asking for another is forbidden, having none is forbidden', () => {
    expect(resolveScope(who(['hr'], ['drfip', 'ars']), undefined, services)).toEqual({
      all: false,
      services: ['drfip', 'ars'],
    });
    expect(resolveScope(who(['hr'], ['drfip', 'ars']), ['ars'], services).services).toEqual(['ars']);
    expect(() => resolveScope(who(['hr'], ['drfip']), ['ars'], services)).toThrow(/Outside your services/);
    expect(() => resolveScope(who(['hr'], ['drfip']), ['drfip', 'unassigned'], services)).toThrow(/Outside/);
    expect(() => resolveScope(who(['hr']), undefined, services)).toThrow(/not allowed to see any service/);
    expect(() => resolveScope(who(['learner', 'trainer']), undefined, services)).toThrow(/HR and the lab/);
    expect(() => resolveScope(who(['lab']), ['nope'], services)).toThrow(/Unknown service/);
  });

  it('parses comma-separated service lists', () => {
    expect(parseServiceList('drfip,ars,drfip')).toEqual(['drfip', 'ars']);
    expect(parseServiceList(undefined)).toBeUndefined();
  });
});

describe('content/reports.json', () => {
  it('validates against its schema and the catalog', () => {
    expect(() => reportSettings()).not.toThrow();
    expect(targetsFor(reportSettings(), 'sgar')[0]!.level).toBe('practise');
    expect(targetsFor(reportSettings(), 'drfip')).toBe(reportSettings().coverageTargets.default);
  });

  it('rejects unknown competencies, services and modules, and typos', () => {
    const broken = structuredClone(raw) as typeof raw;
    broken.coverageTargets.default[0]!.competencyId = 'nope';
    broken.monthlySummary.recipients[0]!.services = ['nowhere'];
    broken.mandatoryEntryModuleId = 'missing-module';
    expect(() => parseReportSettings(broken, catalog())).toThrow(/unknown competency 'nope'[\s\S]*unknown/);
    const typo = { ...structuredClone(raw), exprots: {} };
    expect(() => parseReportSettings(typo, catalog())).toThrow(/invalid/);
  });
});

describe('monthly summary', () => {
  it('fills every variable of the hr-monthly-summary template', () => {
    const settings = reportSettings();
    const recipient = settings.monthlySummary.recipients.find((r) => r.userId)!;
    const vars = summaryVars(
      {
        recipient,
        month: '2026-10',
        paths: [
          {
            pathId: 'passinnov',
            ...pathStats({ attended: 9, noShow: 1, enrolled: 2 }, { n: 3, sum: 14, rec: 3, recn: 3 }),
          },
        ],
        services: recipient.services.map((serviceId) =>
          buildMatrix({
            serviceId,
            counters: { agents: 10, entry: 6, 'lvl:collective-intelligence:discover': 6 },
            competencyIds: catalog().competencies.map((c) => c.id),
            targets: targetsFor(settings, serviceId),
            entryModuleId: settings.mandatoryEntryModuleId,
          }),
        ),
      },
      catalog(),
      settings,
    );
    expect(vars.firstName).toBe('Nadia');
    expect(vars.summaryPeriod).toBe('octobre 2026');
    expect(vars.summaryText).toContain('PassInnov');
    expect(vars.summaryText).toContain('taux de présence : 90 %');
    expect(vars.summaryText).toContain("4 ne l'ont pas encore suivi");
    expect(vars.summaryText).toContain('2 agent(s) manquant(s)');
    const template = emailTemplates().find((t) => t.id === 'hr-monthly-summary')!;
    const mail = renderEmail(template, 'fr', { ...vars, preferencesUrl: 'https://example.org/p' });
    expect(mail.subject).toBe('Synthèse des formations : octobre 2026');
    expect(mail.text).toContain('Bonjour Nadia,');
  });

  it('greets a shared mailbox by its name', () => {
    const settings = reportSettings();
    const box = settings.monthlySummary.recipients.find((r) => !r.userId)!;
    const vars = summaryVars(
      { recipient: box, month: '2026-10', paths: [], services: [] },
      catalog(),
      settings,
    );
    expect(vars.firstName).toBe(box.name);
    expect(vars.summaryText).toContain('Aucune activité');
  });
});
