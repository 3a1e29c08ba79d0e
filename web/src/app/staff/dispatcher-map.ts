// Feeds the dispatcher's map: Gi* bins and H3 hexagons for the filter (hexagon resolution by zoom), and at
// zoom ≥ 15 the incidents in view (≤ 200, newest first) — never the whole district's incidents at once.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { ApiError } from '../../api/http';
import type { IncidentView } from '../../api/schemas';
import { getHexagons, getHotspots, listIncidents, type StaffFilter, WINDOW_DAYS } from '../../api/staff';
import type { Hotspots } from '../../api/staff-schemas';
import type { DisplayCrs } from '../../map/display-crs';
import { hexLabelPoints, hexResForZoom, incidentPoints } from '../../map/incident-points';
import { trackMapLoad } from '../../map/map-busy';
import { densityBreaks, type StaffLayers } from '../../map/staff-layers';

/** Incidents are drawn one by one from this zoom; below it, hexagons. */
export const POINTS_ZOOM = 15;
const PAGE = 200;

export interface DispatcherMapEvents {
  onHotspots(h: Hotspots): void;
  onHexBreaks(breaks: number[]): void;
  /** Incidents in view; `more` when the viewport holds more than one page. */
  onIncidents(list: IncidentView[], more: boolean): void;
  onError(err: ApiError): void;
}

export interface DispatcherMap {
  /** The filter changed: reload everything. */
  refresh(): void;
  /** Only the incidents in view (after an action or a new report). */
  refreshIncidents(): void;
  select(id: string | null): void;
  stop(): void;
}

/** ISO start of the filter's period (what `since` the incident list is asked for). */
export const sinceOf = (f: StaffFilter) =>
  new Date(Date.now() - WINDOW_DAYS[f.window] * 86_400_000).toISOString();

export function createDispatcherMap(
  map: MapLibreMap,
  display: DisplayCrs,
  layers: StaffLayers,
  filter: () => StaffFilter,
  events: DispatcherMapEvents,
): DispatcherMap {
  const controllers = new Map<string, AbortController>();
  let res: 8 | 9 | 10 | null = null;
  let incidents: IncidentView[] = [];
  let selected: string | null = null;
  let moveTimer = 0;

  /** Runs one kind of load, cancelling the previous load of the same kind. */
  const run = <T>(kind: string, load: (signal: AbortSignal) => Promise<T>, apply: (value: T) => void) => {
    controllers.get(kind)?.abort();
    const controller = new AbortController();
    controllers.set(kind, controller);
    void trackMapLoad(
      load(controller.signal).then(
        (value) => {
          if (!controller.signal.aborted) apply(value);
        },
        (err) => {
          if (controller.signal.aborted) return;
          events.onError(err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err)));
        },
      ),
    );
  };

  const loadHotspots = () =>
    run(
      'hotspots',
      (signal) => getHotspots(filter(), signal),
      (h) => {
        layers.setBins(new Map(h.blocks.map((b) => [b.block_id, b.bin])));
        events.onHotspots(h);
      },
    );

  const loadHexagons = () => {
    res = hexResForZoom(map.getZoom());
    const r = res;
    run(
      'hex',
      (signal) => getHexagons(filter(), r, signal),
      (fc) => {
        const breaks = densityBreaks(fc.features.map((f) => f.properties.count));
        layers.setHexagons(fc as never, hexLabelPoints(fc, breaks[2]), breaks);
        events.onHexBreaks(breaks);
      },
    );
  };

  const drawIncidents = () => layers.setIncidents(incidentPoints(incidents, display, selected));

  const loadIncidents = () => {
    if (map.getZoom() < POINTS_ZOOM) {
      controllers.get('incidents')?.abort();
      incidents = [];
      drawIncidents();
      events.onIncidents([], false);
      return;
    }
    const b = map.getBounds();
    const [w, s] = display.toWgs84([b.getWest(), b.getSouth()]);
    const [e, n] = display.toWgs84([b.getEast(), b.getNorth()]);
    const f = filter();
    run(
      'incidents',
      (signal) =>
        listIncidents(
          {
            bbox: [w, s, e, n],
            since: sinceOf(f),
            class: f.classes.length < 4 ? f.classes : undefined,
            category: f.category ? [f.category] : undefined,
            limit: PAGE,
          },
          signal,
        ),
      (page) => {
        incidents = page.incidents;
        drawIncidents();
        events.onIncidents(incidents, page.cursor !== null);
      },
    );
  };

  // The debounce counts as a pending load, so "map idle" never falls between a move and its loads.
  let settleMove: (() => void) | null = null;
  const onMoveEnd = () => {
    window.clearTimeout(moveTimer);
    settleMove?.();
    void trackMapLoad(
      new Promise<void>((done) => {
        settleMove = done;
        moveTimer = window.setTimeout(() => {
          if (hexResForZoom(map.getZoom()) !== res) loadHexagons();
          loadIncidents();
          settleMove = null;
          done();
        }, 150);
      }),
    );
  };
  map.on('moveend', onMoveEnd);

  return {
    refresh() {
      loadHotspots();
      loadHexagons();
      loadIncidents();
    },
    refreshIncidents: loadIncidents,
    select(id) {
      selected = id;
      drawIncidents();
    },
    stop() {
      map.off('moveend', onMoveEnd);
      window.clearTimeout(moveTimer);
      settleMove?.();
      for (const c of controllers.values()) c.abort();
    },
  };
}
