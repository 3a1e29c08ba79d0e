// Deadlines of an incident view: which SLA deadline applies now and how late it is (core's rule, on the view).
import { nextDeadline } from '../../../core/incidents/deadline';
import type { IncidentView } from './schemas';

/** The deadline the incident works against now (respond, then resolve); null once resolved or final. */
export function deadlineOf(i: IncidentView): string | null {
  return nextDeadline({
    status: i.status,
    responded_at: i.responded_at ?? undefined,
    respond_by: i.sla.respond_by,
    resolve_by: i.sla.resolve_by,
  });
}

/** Minutes past the current deadline (negative: time left); null when no deadline applies. */
export function lateness(i: IncidentView, now = Date.now()): number | null {
  if (typeof i.overdue_minutes === 'number') return i.overdue_minutes;
  const d = deadlineOf(i);
  return d ? (now - Date.parse(d)) / 60_000 : null;
}

/** Still being worked: not resolved, closed or rejected. */
export const isOpen = (i: Pick<IncidentView, 'status'>) =>
  !['closed', 'rejected', 'resolved'].includes(i.status);
