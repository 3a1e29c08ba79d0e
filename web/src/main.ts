// Entry point: config and URL state, the shell, the map and its data, then the current mode.
import 'maplibre-gl/dist/maplibre-gl.css';
import './styles.css';
import { getAssets, getBlocks, getCommunities, getCurrentGeneration, getTownships } from './api/client';
import { ApiError, setApiBase } from './api/http';
import type { Blocks } from './api/schemas';
import type { AppContext } from './app/context';
import { MODE_REGISTRY, modeAvailable } from './app/modes';
import { ConfigProblem, hasExternalBasemap, readConfig } from './config';
import { setLang, t } from './i18n/i18n';
import { RIVER_LABEL_LAYER } from './map/base-style';
import { createDisplayCrs } from './map/display-crs';
import { showAreas, showAssetGroups, showAssets, showBlocks } from './map/map-data';
import { createMap } from './map/map-view';
import { createStore, type Mode } from './state/store';
import { parseUrlState } from './state/url-state';
import { syncUrl } from './state/url-sync';
import { renderLegend } from './ui/legend';
import { errorBox, loadingLine, showCard } from './ui/panel';
import { createShell } from './ui/shell';
import { toast } from './ui/toast';

async function main(): Promise<void> {
  const initial = parseUrlState(window.location.hash);
  setLang(initial.lang);
  const requested: Mode = initial.mode;
  const mode: Mode = modeAvailable(requested) ? requested : 'resident';
  const store = createStore({ ...initial, mode });
  const shell = createShell(document.getElementById('app')!);
  shell.relabel(mode, modeAvailable);
  const fail = (title: string, detail: string, retry = true): void => {
    showCard(shell.panel, {
      title,
      body: [errorBox(title, detail, retry ? () => window.location.reload() : undefined)],
    });
  };
  showCard(shell.panel, { title: t('app.loading'), body: [loadingLine(t('app.loading'))], busy: true });
  if (requested !== mode) toast(t('mode.soon', { mode: t(`mode.${requested}`) }));

  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig(import.meta.env);
  } catch (err) {
    if (err instanceof ConfigProblem) return fail(t('app.configError'), err.message, false);
    throw err;
  }
  setApiBase(config.apiBase);
  const display = createDisplayCrs(config.basemap.crs);

  const offline = !hasExternalBasemap(config);
  const legendGroups = () => store.get().layers;
  renderLegend(shell.legend, legendGroups(), offline, (layers) => store.set({ layers }));

  const probe = document.createElement('canvas');
  if (!probe.getContext('webgl2') && !probe.getContext('webgl'))
    return fail(t('app.webgl'), navigator.userAgent, false);

  let ctx: AppContext;
  try {
    const { generation } = await getCurrentGeneration();
    const [map, townships, communities] = await Promise.all([
      createMap({
        container: shell.mapContainer,
        config,
        display,
        generation,
        ariaLabel: t('app.map'),
        center: initial.center,
        zoom: initial.zoom,
      }),
      getTownships(),
      getCommunities(),
    ]);
    let blocks: Promise<Blocks> | null = null;
    const loadBlocks = () => {
      blocks ??= getBlocks();
      blocks.catch(() => {
        blocks = null;
      });
      return blocks;
    };
    ctx = {
      config,
      store,
      shell,
      map,
      display,
      data: { townships, communities, assets: getAssets(), blocks: loadBlocks },
    };
  } catch (err) {
    const e = err instanceof ApiError ? err : null;
    if (!e && /webgl/i.test(String(err))) return fail(t('app.webgl'), String(err), false);
    return fail(t('pin.errorTitle'), e ? (e.code === 'NETWORK' ? t('app.offline') : e.message) : String(err));
  }
  const { map, data } = ctx;
  let lastMapError = 0;
  map.on('error', (e) => {
    // A failed tile or resource: the map keeps what it has; tell the person (at most every 10 s).
    console.warn('map error', e.error?.message ?? e);
    if (Date.now() - lastMapError > 10_000) toast(t('app.offline'), 'error');
    lastMapError = Date.now();
  });
  showAreas(map, display, data.townships, data.communities);
  data.assets.then(
    (a) => showAssets(map, display, a),
    () => toast(t('app.offline'), 'error'),
  );
  // Blocks (~35 KB) load when first needed: block labels close up, search, or a GCJ basemap.
  let blocksShown = false;
  const needBlocks = () => {
    if (blocksShown || (display.crs === 'wgs84' && map.getZoom() < 13.5)) return;
    blocksShown = true;
    data.blocks().then(
      (b) => showBlocks(map, display, b),
      () => {
        blocksShown = false;
        toast(t('app.offline'), 'error');
      },
    );
  };
  map.on('moveend', needBlocks);
  needBlocks();

  const applyLayers = () => {
    showAssetGroups(map, legendGroups());
    renderLegend(shell.legend, legendGroups(), offline, (layers) => store.set({ layers }));
  };
  const applyLang = () => {
    setLang(store.get().lang);
    shell.relabel(store.get().mode, modeAvailable);
    if (map.getLayer(RIVER_LABEL_LAYER))
      map.setLayoutProperty(RIVER_LABEL_LAYER, 'text-field', [
        'get',
        store.get().lang === 'en' ? 'name_en' : 'name',
      ]);
  };
  applyLayers();
  applyLang();
  store.subscribe((s, prev) => {
    if (s.layers !== prev.layers) showAssetGroups(map, s.layers);
    if (s.lang !== prev.lang) {
      applyLang();
      applyLayers();
    }
  });
  shell.langButton.addEventListener('click', () =>
    store.set({ lang: store.get().lang === 'zh' ? 'en' : 'zh' }),
  );
  shell.modeSelect.addEventListener('change', () => {
    const m = shell.modeSelect.value as Mode;
    if (modeAvailable(m)) store.set({ mode: m, incident: null });
    else toast(t('mode.soon', { mode: t(`mode.${m}`) }));
  });
  const recordView = () => {
    const c = map.getCenter();
    store.set({ center: display.toWgs84([c.lng, c.lat]), zoom: Math.round(map.getZoom() * 100) / 100 });
  };
  map.on('moveend', recordView);
  syncUrl(store, () => {
    const s = store.get();
    if (s.center && s.zoom !== null) map.jumpTo({ center: display.toDisplay(s.center), zoom: s.zoom });
  });
  // One mode at a time; switching stops the previous one (its listeners and panels) first.
  let stopMode = MODE_REGISTRY[store.get().mode].mount?.(ctx);
  store.subscribe((s, prev) => {
    if (s.mode === prev.mode) return;
    stopMode?.();
    stopMode = MODE_REGISTRY[s.mode].mount?.(ctx);
  });
}

void main();
