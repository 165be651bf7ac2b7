import { describe, expect, it } from 'vitest';
import { catalog } from '../../../packages/domain/src/content/catalog.ts';
import { reportSettings, UNASSIGNED_SERVICE } from '../../../packages/domain/src/content/report-settings.ts';
import {
  decodeSummary,
  encodeSummary,
  listingEntries,
  nameKey,
  sortKey,
} from '../../../packages/domain/src/reports/agent-model.ts';
import {
  type AgentSources,
  buildAgentReport,
  summaryOf,
} from '../../../packages/domain/src/reports/agent-report.ts';
import { matchesAgent, mayMatchLine } from '../../../packages/domain/src/reports/filters.ts';

const booking = (
  sessionId: string,
  moduleId: string,
  status: AgentSources['bookings'][number]['status'],
  start: string,
) => ({
  sessionId,
  moduleId,
  pathId: 'passinnov',
  status,
  start,
  end: start.replace('T08:30', 'T10:00'),
  createdAt: '2026-08-01T10:00:00.000Z',
});

function agent(over: Partial<AgentSources> = {}): AgentSources {
  return {
    learnerId: 'l-1',
    profile: { displayName: 'Élodie Martin', email: 'elodie@drfip.example.gouv.fr', service: 'drfip' },
    bookings: [
      booking('s-1', 'intelligence-collective', 'attended', '2026-09-10T08:30:00.000Z'),
      booking('s-2', 'design-thinking', 'attended', '2026-10-01T08:30:00.000Z'),
      booking('s-3', 'facilitation-graphique', 'no-show', '2026-10-05T08:30:00.000Z'),
      booking('s-4', 'creativite', 'attended', '2026-11-03T08:30:00.000Z'),
      booking('s-5', 'storytelling', 'attended', '2026-11-20T08:30:00.000Z'),
      booking('s-6', 'prototypage', 'enrolled', '2027-01-20T08:30:00.000Z'),
    ],
    completions: [
      {
        moduleId: 'intelligence-collective',
        sessionId: 's-1',
        completedAt: '2026-09-10T10:00:00.000Z',
        learnerService: 'drfip',
      },
      { moduleId: 'design-thinking', sessionId: 's-2', completedAt: '2026-10-01T10:00:00.000Z' },
      { moduleId: 'creativite', sessionId: 's-4', completedAt: '2026-11-03T10:00:00.000Z' },
      { moduleId: 'storytelling', sessionId: 's-5', completedAt: '2026-11-20T10:00:00.000Z' },
    ],
    paths: [{ pathId: 'passinnov', joinedAt: '2026-08-01T10:00:00.000Z' }],
    ...over,
  };
}

describe('the per-agent report', () => {
  it('holds competencies at their highest level, with every completion as evidence', () => {
    const r = buildAgentReport(agent(), catalog(), reportSettings())!;
    expect(r.detail.levels['collective-intelligence']).toBe('discover');
    expect(r.detail.levels['user-centred-design']).toBe('practise');
    expect(r.detail.levels['storytelling']).toBe('practise');
    const facilitation = r.detail.competencies.find((c) => c.competencyId === 'facilitation')!;
    expect(facilitation.evidence.map((e) => e.moduleId)).toEqual(['intelligence-collective']);
    expect(r.detail.modules.map((m) => m.moduleId)).toEqual([
      'intelligence-collective',
      'design-thinking',
      'creativite',
      'storytelling',
    ]);
  });

  it('counts sessions by outcome and dates the path completion by the completion that met the rule', () => {
    const r = buildAgentReport(agent(), catalog(), reportSettings())!;
    expect(r.detail.sessions).toEqual({
      attended: 4,
      partial: 0,
      noShow: 1,
      upcoming: 1,
      waitlisted: 0,
      cancelled: 0,
    });
    const pass = r.detail.paths.find((p) => p.pathId === 'passinnov')!;
    expect(pass.status).toBe('completed');
    // Entry module + 3 electives of 5: the third elective (storytelling, 20/11) completed the path.
    expect(pass.completedAt).toBe('2026-11-20T10:00:00.000Z');
    expect(r.detail.entryModuleCompleted).toBe(true);
    expect(r.detail.lastActivity).toBe('2026-11-20T10:00:00.000Z');
  });

  it('contributes to the matrix (agents, entry, highest levels) and to path completions of the month', () => {
    const r = buildAgentReport(agent(), catalog(), reportSettings())!;
    const refs = Object.keys(r.contribution);
    expect(refs.filter((k) => k.endsWith('/agents'))).toHaveLength(1);
    expect(refs.some((k) => /^m\/drfip\/\d\/entry$/.test(k))).toBe(true);
    expect(refs.some((k) => k.endsWith('/lvl:user-centred-design:practise'))).toBe(true);
    expect(refs.some((k) => k.endsWith('/lvl:user-centred-design:discover'))).toBe(false);
    expect(r.contribution['p/passinnov/2026-11/drfip/pathDone']).toBe(1);
  });

  it('is in progress, not completed, with the entry module missing; and lists it in noentry', () => {
    const r = buildAgentReport(
      agent({
        completions: [],
        bookings: [booking('s-1', 'intelligence-collective', 'enrolled', '2027-01-10T08:30:00.000Z')],
      }),
      catalog(),
      reportSettings(),
    )!;
    expect(r.detail.paths[0]).toMatchObject({ status: 'in-progress', entryModule: 'enrolled' });
    expect(r.detail.entryModuleCompleted).toBe(false);
    const entries = listingEntries(summaryOf(r.detail));
    expect(entries.filter((e) => e.listing === 'noentry').map((e) => e.scope)).toEqual(['drfip', '*']);
  });

  it('resolves the service from the profile, else the latest completion, else the unassigned bucket', () => {
    expect(buildAgentReport(agent(), catalog(), reportSettings())!.detail.service).toBe('drfip');
    expect(buildAgentReport(agent({ profile: undefined }), catalog(), reportSettings())!.detail.service).toBe(
      'drfip',
    );
    const none = buildAgentReport(
      agent({ profile: { service: 'not-a-service' }, completions: [] }),
      catalog(),
      reportSettings(),
    )!;
    expect(none.detail.service).toBe(UNASSIGNED_SERVICE);
    expect(none.detail.name).toBe('l-1');
  });

  it('reports nobody without a profile or any record', () => {
    expect(
      buildAgentReport(
        { learnerId: 'x', bookings: [], completions: [], paths: [] },
        catalog(),
        reportSettings(),
      ),
    ).toBeUndefined();
  });

  it('is deterministic whatever the order of the records (the projection relies on it)', () => {
    const a = buildAgentReport(agent(), catalog(), reportSettings())!;
    const shuffled = agent();
    shuffled.bookings.reverse();
    shuffled.completions.reverse();
    const b = buildAgentReport(shuffled, catalog(), reportSettings())!;
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('encodes the list row compactly and decodes it back', () => {
    const s = summaryOf(buildAgentReport(agent(), catalog(), reportSettings())!.detail);
    const line = encodeSummary(s);
    expect(line.length).toBeLessThan(600);
    expect(line).not.toContain('\n');
    expect(decodeSummary(line)).toEqual(s);
  });

  it('sorts by normalised name or by activity, the learner id making keys unique', () => {
    expect(nameKey("  Élodie  D'Argent ")).toBe('elodie d argent');
    const s = { name: 'Élodie', learnerId: 'l-9', lastActivity: '2026-11-20T10:00:00.000Z' };
    expect(sortKey('name', s)).toBe('elodie#l-9');
    expect(sortKey('activity', s)).toBe('2026-11-20T10:00:00.000Z#l-9');
    expect(sortKey('activity', { ...s, lastActivity: undefined })).toBe('0000#l-9');
  });

  it('filters by path, competency (and level) and period', () => {
    const s = summaryOf(buildAgentReport(agent(), catalog(), reportSettings())!.detail);
    expect(matchesAgent(s, { pathId: 'passinnov' })).toBe(true);
    expect(matchesAgent(s, { pathId: 'formation-action-referents' })).toBe(false);
    expect(matchesAgent(s, { competencyId: 'user-centred-design', minLevel: 'practise' })).toBe(true);
    expect(matchesAgent(s, { competencyId: 'user-centred-design', minLevel: 'master' })).toBe(false);
    expect(matchesAgent(s, { competencyId: 'project-coaching' })).toBe(false);
    expect(matchesAgent(s, { from: '2026-11-01', to: '2026-11-30' })).toBe(true);
    expect(matchesAgent(s, { from: '2026-12-01' })).toBe(false);
    expect(matchesAgent(s, { to: '2026-09-10' })).toBe(true);
    expect(matchesAgent(s, { missingEntry: true })).toBe(false);
  });

  it('pre-filters encoded lines without false negatives', () => {
    const s = summaryOf(buildAgentReport(agent(), catalog(), reportSettings())!.detail);
    const line = encodeSummary(s);
    expect(mayMatchLine(line, { competencyId: 'user-centred-design' })).toBe(true);
    expect(mayMatchLine(line, { competencyId: 'project-coaching' })).toBe(false);
    expect(mayMatchLine(line, { pathId: 'passinnov' })).toBe(true);
    expect(mayMatchLine(line, { pathId: 'formation-action-referents' })).toBe(false);
    // A name that looks like the JSON of a competency is escaped: no false positive either.
    const tricky = encodeSummary({ ...s, name: '"project-coaching":1', levels: {} });
    expect(mayMatchLine(tricky, { competencyId: 'project-coaching' })).toBe(false);
  });
});
