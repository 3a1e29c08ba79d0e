// Dispatcher mode: the hot-spot map (Gi* blocks, H3 density, incidents at zoom ≥ 15), the desk (filters, new
// reports, the overdue queue, hot blocks) and the incident card with its actions.
import type { MapMouseEvent } from 'maplibre-gl';
import { ApiError } from '../../api/http';
import type { IncidentView } from '../../api/schemas';
import { getOverdue, listIncidents, type StaffFilter } from '../../api/staff';
import type { Hotspots } from '../../api/staff-schemas';
import { t } from '../../i18n/i18n';
import { boundsOf } from '../../map/bounds';
import { addStaffLayers, HEX_LAYERS, HOTSPOT_LAYER } from '../../map/staff-layers';
import { h } from '../../ui/dom';
import { showCard } from '../../ui/panel';
import type { LayerToggles } from '../../ui/staff/desk-filters';
import { createDispatchDesk, NEW_PAGE, OVERDUE_PAGE } from '../../ui/staff/dispatch-desk';
import { closeHotspotPopup, showHotspotPopup } from '../../ui/staff/hotspot-popup';
import { createStaffLegend } from '../../ui/staff/map-legend';
import { toast } from '../../ui/toast';
import { attachSearch } from '../search';
import { createDispatcherMap, POINTS_ZOOM } from './dispatcher-map';
import { openIncident } from './incident-panel';
import { attachIncidentPicking } from './map-picking';
import type { StaffContext } from './staff-session';

const NEW_STATES = ['reported', 'reopened'];
const REFRESH_MS = 30_000;

export function mountDispatcherMode(ctx: StaffContext): () => void {
  const { map, display, store, shell } = ctx;
  const layers = addStaffLayers(map, display, POINTS_ZOOM);
  for (const id of HEX_LAYERS) map.setLayerZoomRange(id, 0, POINTS_ZOOM);
  let toggles: LayerToggles = { hotspots: true, hex: true };
  let breaks = [1, 2, 3, 4];
  let hotspots: Hotspots | null = null;
  let names = new Map<string, string>();
  const legend = createStaffLegend();
  shell.mapContainer.parentElement?.append(legend.element);
  const updateLegend = () => {
    const close = map.getZoom() >= POINTS_ZOOM;
    legend.update({ hotspots: toggles.hotspots, hex: toggles.hex && !close, points: close, breaks });
  };

  const filter = (): StaffFilter => {
    const s = store.get();
    return { window: s.window, classes: s.classes, category: s.category };
  };
  const fail = (err: unknown) => {
    if (err instanceof ApiError && err.status === 401) ctx.signOut(t('signin.expired'));
    else toast(t('desk.unavailable', { message: err instanceof Error ? err.message : String(err) }), 'error');
  };
  const matches = (i: IncidentView) => {
    const f = filter();
    return f.classes.includes(i.class) && (!f.category || i.category === f.category);
  };

  const desk = createDispatchDesk({
    filter: filter(),
    layers: toggles,
    onFilter: (patch) => store.set({ ...patch, incident: null }),
    onLayers: (next) => {
      toggles = next;
      layers.show('hotspots', next.hotspots);
      layers.show('hex', next.hex);
      updateLegend();
    },
    onOpen: (i) => store.set({ incident: i.id }),
    onPickBlock: (b) => {
      void ctx.data.blocks().then((blocks) => {
        const f = blocks.features.find((x) => x.properties.id === b.block_id);
        if (f) map.fitBounds(boundsOf(f.geometry, display.toDisplay), { padding: 64, maxZoom: 16 });
      });
    },
  });

  const mapCtl = createDispatcherMap(map, display, layers, filter, {
    onHotspots: (h) => {
      hotspots = h;
      desk.setHotspots(h, names);
    },
    onHexBreaks: (b) => {
      breaks = b;
      updateLegend();
    },
    onIncidents: (list, more) => {
      desk.setPointsNote(
        map.getZoom() < POINTS_ZOOM ? t('desk.zoomIn') : more ? t('desk.more', { n: list.length }) : '',
      );
    },
    onError: fail,
  });

  const loadQueues = () => {
    const f = filter();
    listIncidents({
      status: NEW_STATES,
      class: f.classes.length < 4 ? f.classes : undefined,
      category: f.category ? [f.category] : undefined,
      limit: NEW_PAGE,
    }).then(
      (page) => desk.setNew(page.incidents),
      (err) => {
        desk.setNew(err);
        fail(err);
      },
    );
    getOverdue(OVERDUE_PAGE).then(
      (r) =>
        desk.setOverdue(r.incidents.filter(matches).sort((a, b) => b.overdue_minutes - a.overdue_minutes)),
      (err) => desk.setOverdue(err),
    );
  };

  void ctx.data.blocks().then((blocks) => {
    names = new Map(blocks.features.map((f) => [f.properties.id, f.properties.name]));
    if (hotspots) desk.setHotspots(hotspots, names);
  });

  let closeCard: (() => void) | null = null;
  const showDesk = (focus = false) => {
    closeCard?.();
    closeCard = null;
    showCard(shell.panel, {
      eyebrow: t('mode.option', { mode: t('mode.dispatcher') }),
      title: t('desk.title'),
      body: desk.body,
      focus,
    }).setAttribute('data-testid', 'desk');
  };
  const flyTo = (i: IncidentView) => {
    if (!i.point) return;
    map.flyTo({ center: display.toDisplay(i.point), zoom: Math.max(map.getZoom(), 16), essential: true });
  };
  const showIncident = (id: string, focus: boolean, fly: boolean) => {
    closeCard?.();
    mapCtl.select(id);
    desk.setSelected(id);
    closeCard = openIncident(ctx, id, {
      focus,
      onBack: () => store.set({ incident: null }),
      onChanged: () => {
        loadQueues();
        mapCtl.refreshIncidents();
      },
      onShowOnMap: flyTo,
      onLoaded: (i, first) => {
        layers.setSelected(i.point ? { point: display.toDisplay(i.point), id: i.id, class: i.class } : null);
        if (fly && first) flyTo(i);
      },
    });
  };

  const onOther = (e: MapMouseEvent) => {
    if (!toggles.hotspots || !map.getLayer(HOTSPOT_LAYER)) return;
    const [block] = map.queryRenderedFeatures(e.point, { layers: [HOTSPOT_LAYER] });
    if (!block) return;
    const id = String(block.properties.id);
    const spot = hotspots?.blocks.find((b) => b.block_id === id);
    showHotspotPopup(map, [e.lngLat.lng, e.lngLat.lat], String(block.properties.name ?? id), spot);
  };
  const detachPicking = attachIncidentPicking(map, (id) => store.set({ incident: id }), onOther);
  const onZoom = () => updateLegend();
  map.on('zoomend', onZoom);
  ctx.setIncidentOpener((id) => store.set({ incident: id }));
  // Search zooms to a township, community, block or facility (no pin in staff modes).
  const detachSearch = attachSearch(ctx, () => {});
  const offNotes = ctx.onNotification(() => {
    loadQueues();
    mapCtl.refreshIncidents();
  });
  const timer = window.setInterval(loadQueues, REFRESH_MS);

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.window !== prev.window || s.classes !== prev.classes || s.category !== prev.category) {
      mapCtl.refresh();
      loadQueues();
    }
    if (s.incident !== prev.incident) {
      if (s.incident) showIncident(s.incident, true, true);
      else {
        mapCtl.select(null);
        layers.setSelected(null);
        desk.setSelected(null);
        showDesk(true);
      }
    }
  });

  updateLegend();
  mapCtl.refresh();
  loadQueues();
  const start = store.get().incident;
  if (start) showIncident(start, false, true);
  else showDesk();

  return () => {
    unsubscribe();
    window.clearInterval(timer);
    offNotes();
    detachPicking();
    detachSearch();
    map.off('zoomend', onZoom);
    closeCard?.();
    closeHotspotPopup();
    mapCtl.stop();
    layers.remove();
    legend.element.remove();
    shell.panel.replaceChildren(h('p', {}, ''));
  };
}
