// The incident application service: report (idempotent), read with the right view, act (lifecycle),
// list. Orchestrates core rules, the locate engine and the store; routes stay thin.
import { createHash, randomBytes } from 'node:crypto';
import { latLngToCell } from 'h3-js';
import type { Principal } from '../../core/auth/principal.js';
import { NotFoundError, VersionConflictError } from '../../core/errors.js';
import { checkLonLat } from '../../core/geo/coordinates.js';
import { toWgs84 } from '../../core/geo/crs.js';
import { isSensitive, suggestClass } from '../../core/incidents/classify.js';
import type {
  CreateIncident,
  Incident,
  IncidentEvent,
  TransitionRequest,
} from '../../core/incidents/incident.js';
import type { Actor } from '../../core/incidents/lifecycle.js';
import type { IncidentStore } from '../../core/incidents/ports.js';
import { deadlines, type IncidentClass, type Sla } from '../../core/incidents/sla.js';
import {
  type ActingParty,
  applyTransition,
  autoCloseDue,
  type NotificationDraft,
} from '../../core/incidents/transition.js';
import type { Audience } from '../../core/incidents/views.js';
import type { BoundaryService } from './boundaries.js';
import { outsideError } from './locate.js';
import type { ReferenceService } from './reference.js';

export const IDEMPOTENCY_TTL_S = 24 * 3600;

/** SHA-256 of a receipt, the only form in which receipts are stored. */
export const hashReceipt = (receipt: string) => createHash('sha256').update(receipt).digest('base64url');

/** Stable hash of a request body (keys sorted), to tell a retry from a different report. */
export function requestHash(body: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v as object)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(body)))
    .digest('base64url');
}

function newIncidentId(now: Date): string {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `YH${day}-${randomBytes(5)
    .toString('base64url')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, 'X')}`;
}

export class IncidentService {
  constructor(
    readonly store: IncidentStore,
    private readonly boundaries: BoundaryService,
    readonly reference: ReferenceService,
    private readonly sla: Record<IncidentClass, Sla>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Files a report at a point; the same Idempotency-Key with the same body returns the same incident. */
  async report(
    body: CreateIncident,
    reporter: Principal,
    idempotencyKey: string,
    source: Incident['source'] = 'api',
  ) {
    // Read the current pointer now: a report must not be located in a generation just replaced.
    const loaded = await this.boundaries.get((await this.boundaries.freshCurrent()) ?? undefined);
    checkLonLat(body.lon, body.lat, body.crs, loaded.locator);
    const [lon, lat] = toWgs84(body.lon, body.lat, body.crs);
    const found = loaded.locator.locate(lon, lat);
    if (!found.inside) throw outsideError(loaded, body.lon, body.lat, body.crs);
    const block = loaded.blocks.get(found.blockId)!.properties;
    const now = this.now();
    const at = now.toISOString();
    const cls = suggestClass(body.category, body.severity, body.at_home);
    const receipt = randomBytes(18).toString('base64url');
    const incident: Incident = {
      id: newIncidentId(now),
      version: 1,
      status: 'reported',
      category: body.category,
      class: cls,
      severity: body.severity,
      description: body.description,
      at_home: body.at_home,
      sensitive: isSensitive(body.category, body.at_home),
      lon: Math.round(lon * 1e6) / 1e6,
      lat: Math.round(lat * 1e6) / 1e6,
      h3_10: latLngToCell(lat, lon, 10),
      block_id: block.id,
      block_name: block.name,
      community_code: block.community_code,
      township_code: block.township_code,
      generation: loaded.meta.generation,
      photos: body.photos,
      contact: body.contact,
      reporter: reporter.anonymous ? 'anonymous' : reporter.id,
      receipt_hash: hashReceipt(receipt),
      reported_at: at,
      updated_at: at,
      source,
      ...deadlines(cls, now, this.sla),
    };
    const event: IncidentEvent = {
      incident_id: incident.id,
      seq: 1,
      action: 'report',
      actor: incident.reporter,
      role: reporter.role,
      at,
      from: null,
      to: 'reported',
      public: true,
    };
    const notifications: NotificationDraft[] =
      cls === 'D'
        ? [
            {
              kind: 'emergency',
              recipient: 'leadership',
              message: `class D report ${incident.id} in ${block.name}`,
            },
          ]
        : [];
    const saved = await this.store.create(
      incident,
      event,
      { key: idempotencyKey, requestHash: requestHash(body), ttlSeconds: IDEMPOTENCY_TTL_S, receipt },
      notifications,
    );
    return saved;
  }

  /** Reads an incident, closing it first if its reporter's window lapsed (lazy auto-close). */
  async get(id: string): Promise<Incident> {
    const incident = await this.store.get(id);
    if (!incident) throw new NotFoundError('incident', id);
    return this.closeIfDue(incident);
  }

  async getByReceipt(receipt: string): Promise<Incident | null> {
    const incident = await this.store.getByReceiptHash(hashReceipt(receipt));
    return incident ? this.closeIfDue(incident) : null;
  }

  private async closeIfDue(incident: Incident): Promise<Incident> {
    const now = this.now();
    if (!autoCloseDue(incident, now)) return incident;
    const result = applyTransition(
      incident,
      { action: 'close', internal: false, note: 'closed automatically 7 days after resolution' },
      { id: 'system', role: 'system', actors: ['system'] },
      now,
      this.sla,
    );
    try {
      await this.store.transition(
        incident,
        result.incident,
        { ...result.event, seq: result.incident.version },
        [],
      );
      return result.incident;
    } catch {
      return (await this.store.get(incident.id)) ?? incident; // someone else closed or changed it first
    }
  }

  /** In which capacities the caller acts on this incident (reporter, the block's cadre, scoped dispatcher, ...). */
  async capacities(incident: Incident, principal: Principal, receipt?: string): Promise<Actor[]> {
    const actors: Actor[] = [];
    const ownReceipt = receipt !== undefined && hashReceipt(receipt) === incident.receipt_hash;
    if (ownReceipt || (!principal.anonymous && principal.id === incident.reporter)) actors.push('reporter');
    if (principal.anonymous) return actors;
    switch (principal.role) {
      case 'admin':
        actors.push('admin');
        break;
      case 'dispatcher':
        if (!principal.township || principal.township === incident.township_code) actors.push('dispatcher');
        break;
      case 'department':
        if (principal.department && incident.escalated_to === `department:${principal.department}`)
          actors.push('department');
        break;
      case 'cadre': {
        if (incident.assignee === principal.id) {
          actors.push('cadre');
          break;
        }
        const generation = await this.boundaries.currentGeneration();
        const a = generation ? await this.reference.store.assignment(generation, incident.block_id) : null;
        if (a && [a.governor, a.supervisor, ...a.assistants].includes(principal.id)) actors.push('cadre');
        break;
      }
    }
    return actors;
  }

  /**
   * Which view the caller gets. Reporter contact details (PIPL) only for dispatchers in scope and the
   * cadre the incident is assigned to; other staff see them masked.
   */
  audience(actors: Actor[], incident: Pick<Incident, 'assignee'>, principal: Principal): Audience {
    if (actors.includes('dispatcher')) return 'staff_contact';
    if (actors.includes('cadre') && incident.assignee === principal.id) return 'staff_contact';
    if (actors.some((a) => a === 'admin' || a === 'cadre' || a === 'department')) return 'staff';
    if (actors.includes('reporter')) return 'reporter';
    return 'public';
  }

  /** Records that `principal` was shown the reporter's contact of these incidents (PIPL audit). */
  async auditContact(shown: readonly Incident[], principal: Principal): Promise<void> {
    const at = new Date().toISOString();
    await Promise.all(
      shown
        .filter((i) => i.contact)
        .map((i) => this.store.auditContactRead(i.id, principal.id, principal.role, at)),
    );
  }

  /** Applies an action as the caller; `expectedVersion` comes from If-Match. */
  async act(incident: Incident, req: TransitionRequest, party: ActingParty, expectedVersion: number) {
    if (incident.version !== expectedVersion) {
      throw new VersionConflictError(
        `incident ${incident.id} is at version ${incident.version}, not ${expectedVersion}; reload it and try again`,
        { current_version: incident.version },
      );
    }
    const result = applyTransition(incident, req, party, this.now(), this.sla);
    if (req.action === 'reject' && req.duplicate_of && !(await this.store.get(req.duplicate_of))) {
      throw new NotFoundError('incident (duplicate_of)', req.duplicate_of);
    }
    const event: IncidentEvent = { ...result.event, seq: result.incident.version };
    await this.store.transition(incident, result.incident, event, result.notifications);
    return { incident: result.incident, event };
  }
}
