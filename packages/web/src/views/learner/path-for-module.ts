import type { Progress, Session } from '../../api/types.ts';

/** The path a booking counts for: the session's own, else a joined path holding the module, else any path. */
export function pathForBooking(session: Session, progress: Progress | undefined): string | undefined {
  if (session.pathId) return session.pathId;
  const holds = (p: Progress['paths'][number]) =>
    p.entryModule.moduleId === session.moduleId || p.electives.some((e) => e.moduleId === session.moduleId);
  const paths = progress?.paths ?? [];
  return (paths.find((p) => p.joined && holds(p)) ?? paths.find(holds))?.pathId;
}
