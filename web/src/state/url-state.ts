// The shareable URL: mode, zoom, centre, asset layers, language, pin and panel live in the hash.
import {
  INCIDENT_CATEGORY_KEYS,
  INCIDENT_CLASSES,
  type IncidentCategory,
  type IncidentClass,
} from '../../../core/incidents/categories';
import type { HotspotWindow } from '../api/staff';
import { type AppState, ASSET_GROUPS, type AssetGroup, MODES, type Mode, type Panel } from './store';

const WINDOWS: HotspotWindow[] = ['7d', '30d', '90d'];
export const ALL_CLASSES: IncidentClass[] = [...INCIDENT_CLASSES];

/** Defaults: every asset group on, resident mode, Chinese. */
export const DEFAULT_LAYERS: AssetGroup[] = [...ASSET_GROUPS];

function lonLat(raw: string | null): [number, number] | null {
  if (!raw) return null;
  const [lon, lat] = raw.split(',').map(Number);
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)
    return null;
  return [lon, lat];
}

function panelFrom(raw: string | null, hasPin: boolean): Panel {
  if (raw === 'reports') return { kind: 'reports' };
  if (raw?.startsWith('receipt:')) return { kind: 'receipt', id: raw.slice(8) };
  if (raw === 'report' && hasPin) return { kind: 'report' };
  return hasPin ? { kind: 'block' } : { kind: 'intro' };
}

/** Reads the state a link carries; anything missing or malformed falls back to the default. */
export function parseUrlState(
  hash: string,
): Pick<
  AppState,
  | 'lang'
  | 'mode'
  | 'center'
  | 'zoom'
  | 'layers'
  | 'pin'
  | 'panel'
  | 'incident'
  | 'window'
  | 'classes'
  | 'category'
> {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  const mode = (MODES as readonly string[]).includes(q.get('mode') ?? '')
    ? (q.get('mode') as Mode)
    : 'resident';
  const zoom = Number(q.get('z'));
  const layersRaw = q.get('layers');
  const layers =
    layersRaw === null ? DEFAULT_LAYERS : ASSET_GROUPS.filter((g) => layersRaw.split(',').includes(g));
  const pin = lonLat(q.get('pin'));
  const incident = q.get('incident');
  const classesRaw = q.get('cls');
  const category = q.get('cat');
  return {
    lang: q.get('lang') === 'en' ? 'en' : 'zh',
    mode,
    center: lonLat(q.get('c')),
    zoom: Number.isFinite(zoom) && zoom > 0 && zoom <= 22 ? zoom : null,
    layers,
    pin,
    panel: panelFrom(q.get('panel'), pin !== null),
    incident: incident && /^[A-Za-z0-9_-]{1,40}$/.test(incident) ? incident : null,
    window: (WINDOWS as string[]).includes(q.get('w') ?? '') ? (q.get('w') as HotspotWindow) : '30d',
    classes: classesRaw === null ? ALL_CLASSES : ALL_CLASSES.filter((c) => classesRaw.split(',').includes(c)),
    category: (INCIDENT_CATEGORY_KEYS as readonly string[]).includes(category ?? '')
      ? (category as IncidentCategory)
      : null,
  };
}

const fixed = (n: number) => n.toFixed(5).replace(/\.?0+$/, '');

/** The hash for a state; default values are left out so links stay short. */
export function formatUrlState(s: AppState): string {
  const q = new URLSearchParams();
  if (s.mode !== 'resident') q.set('mode', s.mode);
  if (s.zoom !== null) q.set('z', s.zoom.toFixed(2).replace(/\.?0+$/, ''));
  if (s.center) q.set('c', `${fixed(s.center[0])},${fixed(s.center[1])}`);
  if (s.layers.join(',') !== DEFAULT_LAYERS.join(',')) q.set('layers', s.layers.join(','));
  if (s.lang === 'en') q.set('lang', 'en');
  if (s.pin) q.set('pin', `${fixed(s.pin[0])},${fixed(s.pin[1])}`);
  if (s.panel.kind === 'reports') q.set('panel', 'reports');
  if (s.panel.kind === 'receipt') q.set('panel', `receipt:${s.panel.id}`);
  if (s.panel.kind === 'report') q.set('panel', 'report');
  if (s.mode !== 'resident') {
    if (s.incident) q.set('incident', s.incident);
    if (s.window !== '30d') q.set('w', s.window);
    if (s.classes.join(',') !== ALL_CLASSES.join(',')) q.set('cls', s.classes.join(','));
    if (s.category) q.set('cat', s.category);
  }
  // URLSearchParams escapes ',' and ':'; they are safe in a fragment and easier to read.
  return `#${q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':')}`;
}
