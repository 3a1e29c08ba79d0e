// Resident mode: drop a pin (click, tap, locate me, search) -> block card -> report -> receipt -> my reports.
import * as maplibregl from 'maplibre-gl';
import type { AssetFeature } from '../api/schemas';
import { t } from '../i18n/i18n';
import { showSelection } from '../map/map-data';
import { assetAt } from '../map/map-view';
import { pinElement } from '../map/overlay-layers';
import { closeAssetPopup, showAssetPopup } from '../ui/asset-popup';
import { toast } from '../ui/toast';
import type { AppContext } from './context';
import { createPinLookup } from './pin-lookup';
import { createResidentPanel } from './resident-panel';
import { attachSearch } from './search';

/** Starts resident mode; returns the function that stops it. */
export function mountResidentMode(ctx: AppContext): () => void {
  const { map, display, store, shell } = ctx;
  let marker: maplibregl.Marker | null = null;
  let userAction = false;

  /** On phones the panel is a sheet over the map: pan so the pin stays visible above it. */
  const reveal = (pin: [number, number]) => {
    if (map.isMoving()) return void map.once('moveend', () => reveal(pin));
    const sheet = shell.panel.getBoundingClientRect();
    const canvas = map.getCanvas().getBoundingClientRect();
    const overlaps = sheet.left < canvas.right && sheet.right > canvas.left && sheet.top < canvas.bottom;
    if (!overlaps || shell.panel.hidden) return;
    const y = canvas.top + map.project(display.toDisplay(pin)).y;
    if (y > sheet.top - 32)
      map.panBy([0, y - (canvas.top + (sheet.top - canvas.top) * 0.55)], { duration: 300 });
  };

  const lookup = createPinLookup((l) => {
    showSelection(map, display, l.kind === 'found' ? l.detail.block.geometry : null);
    panel.render({ focus: userAction && l.kind !== 'loading' });
    if (l.kind !== 'loading') userAction = false;
    if (l.kind === 'found' || l.kind === 'outside') reveal(l.pin);
  });
  const panel = createResidentPanel(shell.panel, store, lookup.get, () => void lookup.run(store.get().pin));

  /** Moves the pin (WGS84) and looks it up; `fly` also centres the map on it. */
  const dropPin = (pin: [number, number], fly = false) => {
    userAction = true;
    closeAssetPopup();
    store.set({ pin, panel: { kind: 'block' } });
    if (fly)
      map.flyTo({ center: display.toDisplay(pin), zoom: Math.max(map.getZoom(), 15), essential: true });
  };

  const placeMarker = (pin: [number, number] | null) => {
    if (!pin) {
      marker?.remove();
      marker = null;
      return;
    }
    if (!marker) {
      marker = new maplibregl.Marker({
        element: pinElement(t('pin.label')),
        anchor: 'bottom',
        draggable: true,
      });
      marker.on('dragend', () => {
        const p = marker!.getLngLat();
        dropPin(display.toWgs84([p.lng, p.lat]));
      });
    }
    marker.setLngLat(display.toDisplay(pin)).addTo(map);
  };

  const onClick = async (e: maplibregl.MapMouseEvent) => {
    const hit = assetAt(map, e.point);
    if (hit) {
      const assets = await ctx.data.assets;
      const asset = assets.features.find((f) => f.properties.id === hit.properties.id) as
        | AssetFeature
        | undefined;
      if (asset) {
        showAssetPopup(map, asset, [e.lngLat.lng, e.lngLat.lat], () =>
          dropPin(display.toWgs84([e.lngLat.lng, e.lngLat.lat])),
        );
        return;
      }
    }
    dropPin(display.toWgs84([e.lngLat.lng, e.lngLat.lat]));
  };
  const onMove = (e: maplibregl.MapMouseEvent) => {
    map.getCanvas().style.cursor = assetAt(map, e.point) ? 'pointer' : '';
  };
  map.on('click', onClick);
  map.on('mousemove', onMove);

  const locateMe = () => {
    if (!('geolocation' in navigator)) return toast(t('locate.unsupported'), 'error');
    toast(t('locate.busy'));
    navigator.geolocation.getCurrentPosition(
      // The W3C Geolocation API reports WGS84 (GPS) coordinates.
      (pos) => dropPin([pos.coords.longitude, pos.coords.latitude], true),
      (err) =>
        toast(
          err.code === err.PERMISSION_DENIED
            ? t('locate.denied')
            : t('locate.unavailable', { reason: err.message || String(err.code) }),
          'error',
        ),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  const pinCentre = () => {
    const c = map.getCenter();
    dropPin(display.toWgs84([c.lng, c.lat]));
  };
  shell.locateButton.addEventListener('click', locateMe);
  shell.pinCentreButton.addEventListener('click', pinCentre);
  const openReports = () => store.set({ panel: { kind: 'reports' } });
  shell.reportsButton.addEventListener('click', openReports);
  let detachSearch = attachSearch(ctx, (pin) => dropPin(pin, true));

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.pin !== prev.pin) {
      placeMarker(s.pin);
      void lookup.run(s.pin);
      return;
    }
    if (s.lang !== prev.lang) {
      detachSearch();
      detachSearch = attachSearch(ctx, (pin) => dropPin(pin, true));
    }
    if (s.panel !== prev.panel || s.lang !== prev.lang) {
      panel.render({ focus: s.panel !== prev.panel });
    }
  });

  // Start from the URL: a shared link with a pin opens its block card.
  placeMarker(store.get().pin);
  if (store.get().pin) void lookup.run(store.get().pin);
  else panel.render();

  return () => {
    unsubscribe();
    detachSearch();
    map.off('click', onClick);
    map.off('mousemove', onMove);
    shell.locateButton.removeEventListener('click', locateMe);
    shell.pinCentreButton.removeEventListener('click', pinCentre);
    shell.reportsButton.removeEventListener('click', openReports);
    placeMarker(null);
    closeAssetPopup();
  };
}
