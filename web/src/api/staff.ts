// Typed calls of the staff modes: incident lists and work queues, the overdue queue, hot spots, H3 heat,
// notifications, and development tokens. The staff token is added by http.ts (setAuthToken).
import type { IncidentCategory, IncidentClass } from '../../../core/incidents/categories';
import { query, request } from './http';
import {
  devTokenSchema,
  hexSchema,
  hotspotsSchema,
  incidentListSchema,
  notificationsSchema,
  overdueSchema,
} from './staff-schemas';

export type HotspotWindow = '7d' | '30d' | '90d';
export const WINDOW_DAYS: Record<HotspotWindow, number> = { '7d': 7, '30d': 30, '90d': 90 };

/** What the dispatcher filters by; applied to every layer and list. */
export interface StaffFilter {
  window: HotspotWindow;
  classes: IncidentClass[];
  category: IncidentCategory | null;
}

export interface ListParams {
  bbox?: [number, number, number, number];
  status?: readonly string[];
  class?: readonly string[];
  category?: readonly string[];
  since?: string;
  assignee?: 'me';
  department?: string;
  limit?: number;
  cursor?: string;
}

const bboxText = (b: [number, number, number, number]) => b.map((x) => x.toFixed(5)).join(',');

export const listIncidents = (p: ListParams, signal?: AbortSignal) =>
  request(
    `/api/incidents${query({
      bbox: p.bbox && bboxText(p.bbox),
      status: p.status,
      class: p.class,
      category: p.category,
      since: p.since,
      assignee: p.assignee,
      department: p.department,
      limit: p.limit,
      cursor: p.cursor,
    })}`,
    incidentListSchema,
    { signal },
  );

/** Open incidents past a deadline, most overdue first. */
export const getOverdue = (limit = 100, signal?: AbortSignal) =>
  request(`/api/overdue${query({ limit })}`, overdueSchema, { signal });

const filterQuery = (f: StaffFilter) => ({
  window: f.window,
  class: f.classes.length && f.classes.length < 4 ? f.classes : undefined,
  category: f.category ?? undefined,
});

/** Gi* per block (bins ±1..±3) with trend and pattern, for the block choropleth. */
export const getHotspots = (f: StaffFilter, signal?: AbortSignal) =>
  request(`/api/hotspots${query(filterQuery(f))}`, hotspotsSchema, { signal });

/** Report counts per H3 hexagon (res 8, 9 or 10) as GeoJSON. */
export const getHexagons = (f: StaffFilter, res: 8 | 9 | 10, signal?: AbortSignal) =>
  request(`/api/hotspots/hex${query({ ...filterQuery(f), res })}`, hexSchema, { signal });

/** Recent notifications (newest first) and the position to continue from. */
export const getNotifications = (since?: string, signal?: AbortSignal) =>
  request(`/api/notifications${query({ since, limit: 50 })}`, notificationsSchema, { signal });

export interface DevTokenRequest {
  role: 'dispatcher' | 'cadre' | 'department' | 'admin' | 'planner';
  sub?: string;
  township?: string;
  department?: string;
}

/** A signed token from the local server (development and test builds of the API only; 404 elsewhere). */
export const getDevToken = (body: DevTokenRequest) =>
  request('/api/dev/tokens', devTokenSchema, { method: 'POST', body });
