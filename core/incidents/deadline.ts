// The deadline an open incident is working against: respond first, then resolve.
import type { Incident } from './incident.js';
import { FINAL_STATES } from './lifecycle.js';

/** Respond-by until someone responded, then resolve-by; null once resolved, closed or rejected. */
export function nextDeadline(
  i: Pick<Incident, 'status' | 'responded_at' | 'respond_by' | 'resolve_by'>,
): string | null {
  if (FINAL_STATES.includes(i.status) || i.status === 'resolved') return null;
  return i.responded_at ? i.resolve_by : i.respond_by;
}
