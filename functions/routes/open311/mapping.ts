// Incident -> Open311 service request record (GET requests): the spec's field list, built from the
// public view only, so the privacy rules of core/incidents/views.ts apply unchanged (PIPL).
import type { Department } from '../../../core/geography/schemas.js';
import { incidentCategory } from '../../../core/incidents/categories.js';
import type { Incident } from '../../../core/incidents/incident.js';
import { FINAL_STATES } from '../../../core/incidents/lifecycle.js';
import type { IncidentClass, Sla } from '../../../core/incidents/sla.js';
import { publicView } from '../../../core/incidents/views.js';
import type { AppServices } from '../../http/context.js';
import type { LoadedGeneration } from '../../services/boundaries.js';
import { serviceNotice } from './services.js';

/** Who answers class D reports (and routes class C ones): the district's rapid-response centre. */
export const RESPONSE_CENTRE = '快速处置中心';

/** One GeoReport v2 service request, every field of the spec's list (null: not known or withheld). */
export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string;
  service_name: string;
  service_code: string;
  description: string | null;
  agency_responsible: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string;
  address: string;
  address_id: string;
  zipcode: null;
  lat: number | null;
  long: number | null;
  media_url: null;
}

/** Open311 has two states: closed = our final states (closed, rejected); everything else is open. */
export const open311Status = (state: Incident['status']): 'open' | 'closed' =>
  FINAL_STATES.includes(state) ? 'closed' : 'open';

/** A stored UTC time as a W3C/ISO 8601 time in China Standard Time: 2026-11-22T16:05:09+08:00. */
export function w3cTime(iso: string): string {
  const ms = Date.parse(iso);
  return `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

/** Our finer state for `status_notes`: the state key, and for rejections the reason (machine-readable). */
export function statusNotes(i: Incident): string {
  if (i.status !== 'rejected' || !i.reject_reason) return i.status;
  return i.duplicate_of
    ? `rejected: ${i.reject_reason} of ${i.duplicate_of}`
    : `rejected: ${i.reject_reason}`;
}

export interface MappingContext {
  /** The boundary generation an incident was located in (names of its community and township). */
  generation(g: number): Promise<LoadedGeneration | null>;
  departments: readonly Department[];
  sla: Readonly<Record<IncidentClass, Sla>>;
}

/** The context for one response: generations loaded on demand, departments read once. */
export async function mappingContext(services: AppServices): Promise<MappingContext> {
  return {
    generation: (g) => services.boundaries.get(g).catch(() => null),
    departments: await services.reference.departments(),
    sla: services.config.sla,
  };
}

/** The level that must act (A block, B township, C department, D rapid-response centre), by name. */
function agency(i: Incident, townshipName: string, departments: readonly Department[]): string {
  switch (i.class) {
    case 'A':
      return i.block_name;
    case 'B':
      return townshipName;
    case 'C': {
      const key = i.escalated_to?.startsWith('department:')
        ? i.escalated_to.slice('department:'.length)
        : incidentCategory(i.category).department;
      return departments.find((d) => d.key === key)?.name ?? key;
    }
    case 'D':
      return RESPONSE_CENTRE;
  }
}

/**
 * The Open311 record of an incident for anyone who asks. Built from `publicView`: a sensitive
 * incident (disputes, welfare help, at home) has no lat/long and no description; reporter contact
 * details and photos are never part of it, whoever the caller is.
 */
export async function toOpen311Request(i: Incident, ctx: MappingContext): Promise<Open311Request> {
  const view = publicView(i);
  const block = (await ctx.generation(i.generation))?.blocks.get(i.block_id)?.properties;
  const township = block?.township_name ?? i.township_code;
  const address = [i.block_name, block?.community_name, block?.township_name, '湘潭市雨湖区']
    .filter(Boolean)
    .join(', ');
  const category = incidentCategory(i.category);
  const status = open311Status(i.status);
  return {
    service_request_id: i.id,
    status,
    status_notes: statusNotes(i),
    service_name: category.zh,
    service_code: category.key,
    description: view.description,
    agency_responsible: agency(i, township, ctx.departments),
    service_notice: serviceNotice(i.class, ctx.sla[i.class]),
    requested_datetime: w3cTime(i.reported_at),
    // The spec: for closed requests, the time it was closed.
    updated_datetime: w3cTime(status === 'closed' ? (i.closed_at ?? i.updated_at) : i.updated_at),
    expected_datetime: w3cTime(i.resolve_by),
    address,
    address_id: i.block_id,
    zipcode: null,
    lat: view.point ? view.point[1] : null,
    long: view.point ? view.point[0] : null,
    media_url: null,
  };
}
