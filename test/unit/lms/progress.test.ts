import { describe, expect, it } from 'vitest';
import { catalog } from '../../../packages/domain/src/content/catalog.ts';
import { competenciesHeld, pathProgress } from '../../../packages/domain/src/lms/progress.ts';
import { formatLocal, toParisIso } from '../../../packages/domain/src/lms/time.ts';

const passinnov = () => catalog().paths.find((p) => p.id === 'passinnov')!;

describe('path progress', () => {
  it('a new learner has everything remaining, entry module first', () => {
    const p = pathProgress(passinnov(), { bookings: [], completions: [], joinedPaths: [] });
    expect(p.entryModule.status).toBe('not-started');
    expect(p.remaining.entryModule).toBe('intelligence-collective');
    expect(p.remaining.electivesStillNeeded).toBe(passinnov().electivesRequired);
    expect(p.completed).toBe(false);
  });

  it('N-of-M: the path completes with the entry module and N electives', () => {
    const path = passinnov();
    const done = [path.entryModuleId, ...path.electiveModuleIds.slice(0, path.electivesRequired)];
    const p = pathProgress(path, {
      bookings: [],
      completions: done.map((moduleId) => ({
        moduleId,
        completedAt: '2027-01-01T00:00:00Z',
        sessionId: 's',
      })),
      joinedPaths: [],
    });
    expect(p.completed).toBe(true);
    expect(p.electivesCompleted).toBe(path.electivesRequired);
    expect(p.remaining.electivesStillNeeded).toBe(0);
  });

  it('competencies take the highest level granted, with every completion as evidence', () => {
    const held = competenciesHeld(catalog(), {
      bookings: [],
      completions: [
        { moduleId: 'intelligence-collective', completedAt: '2027-01-01T00:00:00Z', sessionId: 's1' },
      ],
      joinedPaths: [],
    });
    expect(held.length).toBeGreaterThan(0);
    expect(held[0]!.evidence[0]!.sessionId).toBe('s1');
  });
});

describe('Europe/Paris rendering', () => {
  it('renders UTC instants in Paris time, DST included', () => {
    expect(toParisIso('2027-01-15T08:30:00.000Z')).toBe('2027-01-15T09:30:00+01:00');
    expect(toParisIso('2027-07-15T07:30:00.000Z')).toBe('2027-07-15T09:30:00+02:00');
    expect(formatLocal('2027-07-15T07:30:00.000Z', 'fr')).toContain('09:30');
  });
});
