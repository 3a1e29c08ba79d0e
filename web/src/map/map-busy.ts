// "Is the map done?": MapLibre's idle plus the app's own pending layer loads (hot spots, hexagons, incidents),
// exposed as data-map-idle on the map element and window.__mapIdle() for tests and benchmarks.
import type { Map as MapLibreMap } from 'maplibre-gl';

let pending = 0;
let waiters: (() => void)[] = [];
let container: HTMLElement | null = null;
let mapIdle = false;

function publish(): void {
  if (container) container.dataset.mapIdle = String(mapIdle && pending === 0);
}

/** Counts `load` as map data in flight until it settles (resolved or not); returns it unchanged. */
export function trackMapLoad<T>(load: Promise<T>): Promise<T> {
  pending++;
  if (container) container.dataset.mapIdle = 'false';
  const settle = () => {
    pending--;
    if (pending === 0) {
      const ready = waiters;
      waiters = [];
      for (const w of ready) w();
    }
    publish();
  };
  load.then(settle, settle);
  return load;
}

const noPendingLoads = () =>
  pending === 0 ? Promise.resolve() : new Promise<void>((done) => waiters.push(done));

/**
 * Wires the tracker to a map: `data-map-idle="true"` once MapLibre is idle and no app load is pending;
 * `window.__mapIdle()` resolves at that moment (after pending loads, the map's next idle).
 */
export function watchMapIdle(map: MapLibreMap, element: HTMLElement): void {
  container = element;
  element.dataset.mapIdle = 'false';
  map.on('idle', () => {
    mapIdle = true;
    publish();
  });
  const busy = () => {
    mapIdle = false;
    publish();
  };
  map.on('dataloading', busy);
  map.on('movestart', busy);
  window.__mapIdle = async () => {
    for (;;) {
      await noPendingLoads();
      await new Promise<void>((done) => {
        map.once('idle', () => done());
        map.triggerRepaint();
      });
      // A load that started while the map was drawing (e.g. on moveend) needs another round.
      if (pending === 0) return;
    }
  };
  performance.mark('yuhu:map-created');
  map.once('idle', () => performance.mark('yuhu:map-first-idle'));
}
