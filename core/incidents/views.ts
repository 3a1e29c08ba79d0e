// What each kind of caller may see of an incident (PIPL): public, the reporter (by receipt), staff.
import { maskPhone } from '../privacy.js';
import type { Incident, IncidentEvent } from './incident.js';

export type Audience = 'public' | 'reporter' | 'staff' | 'staff_contact';

/** The fields anyone may see. Sensitive incidents show only their block, never the point or the text. */
export function publicView(incident: Incident) {
  const hidden = incident.sensitive;
  return {
    id: incident.id,
    category: incident.category,
    class: incident.class,
    status: incident.status,
    block: { id: incident.block_id, name: incident.block_name },
    community_code: incident.community_code,
    township_code: incident.township_code,
    generation: incident.generation,
    point: hidden ? null : ([incident.lon, incident.lat] as [number, number]),
    location_hidden: hidden,
    description: hidden ? null : incident.description,
    reported_at: incident.reported_at,
    updated_at: incident.updated_at,
    resolved_at: incident.resolved_at ?? null,
    closed_at: incident.closed_at ?? null,
    sla: { respond_by: incident.respond_by, resolve_by: incident.resolve_by },
    rating: incident.rating ?? null,
    escalated_to: incident.escalated_to ?? null,
    duplicate_of: incident.duplicate_of ?? null,
  };
}

/**
 * The view for `audience`: the reporter sees their own text, point and photos; staff also see who is
 * assigned and the version; only the assigned cadre and dispatchers (`staff_contact`) see the contact.
 */
export function incidentView(incident: Incident, audience: Audience) {
  const base = publicView(incident);
  if (audience === 'public') return base;
  const own = {
    ...base,
    point: [incident.lon, incident.lat] as [number, number],
    description: incident.description,
    photos: incident.photos,
    at_home: incident.at_home,
    severity: incident.severity,
    version: incident.version,
  };
  if (audience === 'reporter') return own;
  const contact = incident.contact
    ? audience === 'staff_contact'
      ? incident.contact
      : {
          name: incident.contact.name,
          phone: incident.contact.phone ? maskPhone(incident.contact.phone) : undefined,
        }
    : null;
  return {
    ...own,
    assignee: incident.assignee ?? null,
    reporter: incident.reporter === 'anonymous' ? 'anonymous' : 'registered',
    contact,
    accepted_at: incident.accepted_at ?? null,
    started_at: incident.started_at ?? null,
    responded_at: incident.responded_at ?? null,
    reject_reason: incident.reject_reason ?? null,
  };
}

/** Events as a caller may see them: internal notes only for staff. */
export function eventView(events: IncidentEvent[], audience: Audience) {
  const staff = audience === 'staff' || audience === 'staff_contact';
  return events
    .filter((e) => staff || e.public)
    .map((e) => ({
      seq: e.seq,
      action: e.action,
      at: e.at,
      from: e.from,
      to: e.to,
      note: e.note ?? null,
      role: e.role,
      ...(staff ? { actor: e.actor, public: e.public } : {}),
      ...(e.class_to ? { class_from: e.class_from, class_to: e.class_to } : {}),
      ...(e.rating ? { rating: e.rating } : {}),
    }));
}
