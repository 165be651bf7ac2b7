import './trainers.css';
import { TrainerPage } from './trainer-page.tsx';
import { TrainerRegistry } from './trainer-registry.tsx';

/**
 * The cockpit's trainers section, `/lab/formateurs<rest>`:
 * - `''`            the registry (internal / external, filters, add an entry) — region `trainer-registry`;
 * - `/<trainerId>`  one trainer: registry entry (edit), ladder per module and sign-offs — region `trainer-ladder`.
 */
export function LabTrainersView({ rest }: { rest: string }) {
  const id = safeDecode(rest.split('/').filter(Boolean)[0]);
  // A new trainer is a new page: the key drops the previous one's state (open panels, forms).
  return id ? <TrainerPage key={id} trainerId={id} /> : <TrainerRegistry />;
}

/** A malformed escape in a typed address shows "not found" rather than breaking the page. */
function safeDecode(segment: string | undefined): string | undefined {
  if (!segment) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
