// "SLA about to lapse": which open incident gets a warning, addressed to whom, with a deterministic id.
import type { Incident } from '../incidents/incident.js';
import { FINAL_STATES } from '../incidents/lifecycle.js';
import type { Notification } from './notification.js';

/** Warn this long before a deadline. */
export const SLA_WARNING_LEAD_MS = 30 * 60_000;
/** Deadlines missed by more than this are not warned about any more (the overdue work queue shows them). */
export const SLA_WARNING_CATCH_UP_MS = 60 * 60_000;

/** The deadline the incident is working towards now: respond first, then resolve; none when done. */
export function currentDeadline(i: Incident): { kind: 'respond' | 'resolve'; at: string } | null {
  if (FINAL_STATES.includes(i.status) || i.status === 'resolved') return null;
  return i.responded_at ? { kind: 'resolve', at: i.resolve_by } : { kind: 'respond', at: i.respond_by };
}

/**
 * The warning for `incident` at `now`, or null when its deadline is not within the lead time. Its id
 * names the deadline, so every scan produces the same id and a changed deadline a new one.
 */
export function slaWarning(incident: Incident, now: Date): Notification | null {
  const deadline = currentDeadline(incident);
  if (!deadline) return null;
  const left = Date.parse(deadline.at) - now.getTime();
  if (left > SLA_WARNING_LEAD_MS || left < -SLA_WARNING_CATCH_UP_MS) return null;
  const minutes = Math.round(left / 60_000);
  const when = minutes >= 0 ? `in ${minutes} min` : `${-minutes} min ago`;
  return {
    id: `${incident.id}-sla-${deadline.at}`,
    kind: 'sla_warning',
    recipient: incident.assignee ?? incident.escalated_to ?? `township:${incident.township_code}`,
    message: `incident ${incident.id} (${incident.class}) must be ${deadline.kind === 'respond' ? 'responded to' : 'resolved'} by ${deadline.at} (${when})`,
    incident_id: incident.id,
    created_at: now.toISOString(),
    delivered_at: null,
  };
}
