// The app's state in one small observable store: the view that the URL keeps and what the panel shows.
import type { IncidentCategory, IncidentClass } from '../../../core/incidents/categories';
import type { HotspotWindow } from '../api/staff';
import type { Lang } from '../i18n/i18n';
import type { LonLat } from '../map/display-crs';

export const MODES = ['resident', 'dispatcher', 'cadre', 'department', 'planner'] as const;
export type Mode = (typeof MODES)[number];

/** Toggleable asset groups (the legend's checkboxes and the URL's `layers`). */
export const ASSET_GROUPS = ['paths', 'canteens', 'schools', 'gig', 'services', 'landmarks'] as const;
export type AssetGroup = (typeof ASSET_GROUPS)[number];

export type Panel =
  | { kind: 'intro' }
  | { kind: 'block' }
  | { kind: 'report' }
  | { kind: 'receipt'; id: string }
  | { kind: 'reports' };

export interface AppState {
  lang: Lang;
  mode: Mode;
  /** Map view in WGS84 (the URL never holds display coordinates). */
  center: LonLat | null;
  zoom: number | null;
  layers: AssetGroup[];
  /** The resident's pin, WGS84. */
  pin: LonLat | null;
  panel: Panel;
  /** Staff modes: the incident whose card is open. */
  incident: string | null;
  /** Staff modes: the period, classes and category every layer and list is filtered by. */
  window: HotspotWindow;
  classes: IncidentClass[];
  category: IncidentCategory | null;
}

export type Listener = (state: AppState, previous: AppState) => void;

export interface Store {
  get(): AppState;
  set(patch: Partial<AppState>): void;
  subscribe(listener: Listener): () => void;
}

export function createStore(initial: AppState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    set(patch) {
      const previous = state;
      state = { ...state, ...patch };
      for (const l of listeners) l(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
