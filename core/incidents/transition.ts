// Applies one lifecycle action to an incident: checks the table and the action's requirements, and
// returns the next record, its audit event and the notifications it causes. Pure: no I/O, no clock.
import { DomainError, ValidationError } from '../errors.js';
import { incidentCategory } from './categories.js';
import type { Incident, IncidentEvent, TransitionRequest } from './incident.js';
import {
  type Actor,
  allowedActions,
  findRule,
  IllegalTransitionError,
  REOPEN_WINDOW_DAYS,
} from './lifecycle.js';
import { DEFAULT_SLA, deadlines, type IncidentClass, type Sla } from './sla.js';

/** Who is acting, in which capacities (a dispatcher may also be the reporter, etc.). */
export interface ActingParty {
  id: string;
  role: string;
  actors: Actor[];
}

export interface NotificationDraft {
  kind: 'assignment' | 'escalation' | 'emergency' | 'low_rating';
  /** cadre id, `department:<key>`, `township:<code>`, or `leadership`. */
  recipient: string;
  message: string;
}

export interface TransitionResult {
  incident: Incident;
  event: Omit<IncidentEvent, 'seq'>;
  classChange?: { from: IncidentClass; to: IncidentClass };
  notifications: NotificationDraft[];
}

const DAY = 86_400_000;

function require(cond: unknown, field: string, message: string): void {
  if (!cond) throw new ValidationError(message, { field }, 'MISSING_FIELD');
}

/** Where an escalation goes: B → the township, C → the category's department (or the one named), D → the response centre. */
export function escalationTarget(incident: Incident, cls: IncidentClass, department?: string): string {
  if (cls === 'B') return `township:${incident.township_code}`;
  if (cls === 'C') return `department:${department ?? incidentCategory(incident.category).department}`;
  return 'response_centre';
}

/** Applies `req` to `incident` at `now`; throws IllegalTransitionError / ValidationError when refused. */
export function applyTransition(
  incident: Incident,
  req: TransitionRequest,
  party: ActingParty,
  now: Date,
  sla: Record<IncidentClass, Sla> = DEFAULT_SLA,
): TransitionResult {
  const rule = findRule(incident.status, req.action, party.actors);
  if (!rule)
    throw new IllegalTransitionError(
      incident.status,
      req.action,
      allowedActions(incident.status, party.actors),
    );
  const at = now.toISOString();
  const next: Incident = { ...incident, version: incident.version + 1, updated_at: at };
  const notifications: NotificationDraft[] = [];
  const staff = party.actors.some((a) => a === 'dispatcher' || a === 'admin');
  let classChange: TransitionResult['classChange'];

  if (req.class && req.class !== incident.class) {
    const mayReclassify = staff || req.action === 'escalate';
    if (!mayReclassify || !['accept', 'assign', 'escalate'].includes(req.action)) {
      throw new DomainError(
        'CLASS_CHANGE_NOT_ALLOWED',
        'only dispatchers change the class (with accept, assign or escalate)',
        403,
      );
    }
    classChange = { from: incident.class, to: req.class };
    next.class = req.class;
    Object.assign(next, deadlines(req.class, now, sla));
  }

  switch (req.action) {
    case 'accept':
      next.accepted_at = at;
      break;
    case 'assign':
      require(req.assignee, 'assignee', 'assign needs `assignee`: the cadre (or department person) who will do the work');
      next.assignee = req.assignee;
      notifications.push({
        kind: 'assignment',
        recipient: req.assignee!,
        message: `incident ${incident.id} assigned to you`,
      });
      break;
    case 'escalate': {
      const cls = req.class ?? incident.class;
      require(req.class &&
        req.class !== 'A', 'class', 'escalate needs `class`: B (township), C (department) or D (emergency)');
      next.escalated_to = escalationTarget(incident, cls, req.department);
      notifications.push({
        kind: 'escalation',
        recipient: next.escalated_to,
        message: `incident ${incident.id} escalated (${cls})`,
      });
      break;
    }
    case 'start':
      next.started_at = at;
      break;
    case 'resolve':
      require(req.note, 'note', 'resolve needs a `note` saying what was done');
      next.resolved_at = at;
      break;
    case 'reject':
      require(req.reason, 'reason', 'reject needs `reason`: duplicate, not_our_responsibility or invalid');
      if (req.reason === 'duplicate') {
        require(req.duplicate_of, 'duplicate_of', 'a duplicate must name the original in `duplicate_of`');
        if (req.duplicate_of === incident.id)
          throw new ValidationError('an incident cannot duplicate itself', { field: 'duplicate_of' });
        next.duplicate_of = req.duplicate_of;
      }
      next.reject_reason = req.reason;
      break;
    case 'reopen': {
      require(req.note, 'note', 'reopen needs a `note` saying what is still wrong');
      const resolvedAt = Date.parse(incident.resolved_at ?? incident.updated_at);
      if (!staff && now.getTime() - resolvedAt > REOPEN_WINDOW_DAYS * DAY) {
        throw new DomainError(
          'REOPEN_WINDOW_CLOSED',
          `a report can be reopened within ${REOPEN_WINDOW_DAYS} days of its resolution; please file a new report`,
          422,
          { resolved_at: incident.resolved_at },
        );
      }
      next.resolved_at = undefined;
      break;
    }
    case 'rate':
      require(req.rating, 'rating', 'rate needs `rating` from 1 to 5');
      next.rating = req.rating;
      next.closed_at = at;
      if (req.rating! <= 2) {
        notifications.push({
          kind: 'low_rating',
          recipient: `township:${incident.township_code}`,
          message: `incident ${incident.id} rated ${req.rating}`,
        });
      }
      break;
    case 'close':
      next.closed_at = at;
      break;
  }
  next.status = rule.to ?? incident.status;
  if (!incident.responded_at && ['accept', 'escalate', 'reject'].includes(req.action)) next.responded_at = at;
  if (next.class === 'D' && (classChange || req.action === 'escalate')) {
    notifications.push({
      kind: 'emergency',
      recipient: 'leadership',
      message: `class D incident ${incident.id}`,
    });
  }
  const event: Omit<IncidentEvent, 'seq'> = {
    incident_id: incident.id,
    action: req.action,
    actor: party.id,
    role: party.role,
    at,
    from: incident.status,
    to: next.status,
    note: req.note,
    public: !req.internal,
    ...(classChange ? { class_from: classChange.from, class_to: classChange.to } : {}),
    ...(req.action === 'assign' ? { assignee: req.assignee } : {}),
    ...(next.escalated_to !== incident.escalated_to ? { escalated_to: next.escalated_to } : {}),
    ...(req.rating ? { rating: req.rating } : {}),
  };
  return { incident: next, event, classChange, notifications };
}

/** Resolved incidents close themselves this long after resolution if nobody rated or reopened them. */
export function autoCloseDue(incident: Incident, now: Date): boolean {
  return (
    incident.status === 'resolved' &&
    incident.resolved_at !== undefined &&
    now.getTime() - Date.parse(incident.resolved_at) > REOPEN_WINDOW_DAYS * DAY
  );
}
