// Store interfaces the incident domain needs; functions/store implements them for DynamoDB.
import type { IncidentCategory, IncidentClass } from './categories.js';
import type { Incident, IncidentEvent } from './incident.js';
import type { NotificationDraft } from './transition.js';

export interface IdempotencyClaim {
  key: string;
  /** Hash of the request body: the same key with another body is refused. */
  requestHash: string;
  ttlSeconds: number;
  /** The receipt handed out with the incident; a replay must hand out the same one. */
  receipt: string;
}

/** One daily counter increment: reports are counted by CST day, block, H3 res-10 cell, class and category. */
export interface CounterKey {
  day: string;
  township: string;
  block: string;
  cell: string;
  class: IncidentClass;
  category: IncidentCategory;
}

/** The counters of one township for one CST day (the hot-spot statistics read only these). */
export interface CounterDay {
  day: string;
  township: string;
  /** `${block}|${class}|${category}` → reports */
  blocks: Map<string, number>;
  /** `${h3 res-10 cell}|${class}|${category}` → reports */
  cells: Map<string, number>;
}

export interface ListQuery {
  since?: string;
  until?: string;
  limit: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  cursor: string | null;
}

export interface IncidentStore {
  /** Atomically writes incident + first event + idempotency record + counters; replays return the original. */
  create(
    incident: Incident,
    event: IncidentEvent,
    claim: IdempotencyClaim,
    notifications: NotificationDraft[],
  ): Promise<{ incident: Incident; replayed: boolean; receipt: string }>;
  get(id: string): Promise<Incident | null>;
  getByReceiptHash(hash: string): Promise<Incident | null>;
  events(id: string): Promise<IncidentEvent[]>;
  /** Conditional on `before.version`; appends `event` (never overwrites); moves counters on a class change. */
  transition(
    before: Incident,
    after: Incident,
    event: IncidentEvent,
    notifications: NotificationDraft[],
  ): Promise<void>;
  listByBlock(block: string, q: ListQuery): Promise<Page<Incident>>;
  listByTownship(township: string, q: ListQuery): Promise<Page<Incident>>;
  /** Open incidents (sparse index) ordered by their next deadline, earliest first. */
  listOpen(q: { dueBefore?: string; limit: number; cursor?: string }): Promise<Page<Incident>>;
  /**
   * Counts a report in `target` from now on (moving its daily counts); 'same' when it already is; 'busy' when
   * other writes kept conflicting with it (try again later).
   */
  recount(
    incident: Incident,
    target: { block: string; township: string },
  ): Promise<'moved' | 'same' | 'busy'>;
  /** Records that `actor` read the reporter's contact details (PIPL audit). */
  auditContactRead(incidentId: string, actor: string, role: string, at: string): Promise<void>;
  /** A cursor that resumes a listing right after `incident`. */
  cursorAfter(listing: 'block' | 'township' | 'open', incident: Incident): string;
  counterDays(
    townships: readonly string[],
    days: readonly string[],
  ): Promise<{ days: CounterDay[]; itemsRead: number; requests: number }>;
}
