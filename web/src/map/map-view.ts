// The map: builds the style (offline or over a configured basemap), owns its sources, and reports clicks in WGS84.

import type { LayerSpecification, MapGeoJSONFeature, StyleSpecification } from 'maplibre-gl';
import * as maplibregl from 'maplibre-gl';
import maplibreWorker from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { AppConfig } from '../config';
import { hasExternalBasemap } from '../config';
import { addAssetIcons } from './asset-icons';
import { ASSET_CLICK_LAYERS, assetAreaLayers, assetSources, assetTopLayers } from './asset-layers';
import { baseStyle, riverLabelLayer } from './base-style';
import {
  boundaryFillLayers,
  boundaryLabelLayers,
  boundaryLineLayers,
  boundarySources,
} from './boundary-layers';
import type { DisplayCrs, LonLat } from './display-crs';
import { LOCAL_CJK_FONTS } from './fonts';
import { watchMapIdle } from './map-busy';
import { overlayLineLayers, overlaySources, selectionFillLayer } from './overlay-layers';

/** The district's extent (WGS84) with a margin: the initial view and the limit of panning. */
export const DISTRICT_BOUNDS: [number, number, number, number] = [112.6469, 27.802, 113.0048, 28.0769];
const PAN_LIMIT: [number, number, number, number] = [112.45, 27.65, 113.2, 28.25];

export interface MapViewOptions {
  container: HTMLElement;
  config: AppConfig;
  display: DisplayCrs;
  generation: number;
  ariaLabel: string;
  /** Initial view in WGS84; null = the whole district. */
  center: LonLat | null;
  zoom: number | null;
}

declare global {
  interface Window {
    /** Test and benchmark hooks: the map, and a promise that everything is loaded and drawn (map-busy.ts). */
    __map?: maplibregl.Map;
    __mapIdle?: () => Promise<void>;
  }
}

async function externalStyle(url: string | undefined): Promise<StyleSpecification | undefined> {
  if (!url) return undefined;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`VITE_BASEMAP_STYLE ${url} answered HTTP ${response.status}`);
  return (await response.json()) as StyleSpecification;
}

/** Assembles every layer of the app in drawing order (bottom first). */
function fullStyle(o: MapViewOptions, external: StyleSpecification | undefined): StyleSpecification {
  const style = baseStyle(o.config.basemap, o.display, external);
  const useTiles = o.display.crs === 'wgs84';
  const offline = !hasExternalBasemap(o.config);
  Object.assign(style.sources, boundarySources(o.generation, useTiles), assetSources(), overlaySources());
  const layers: LayerSpecification[] = [
    ...boundaryFillLayers(useTiles, !offline),
    ...assetAreaLayers(),
    selectionFillLayer(),
    ...boundaryLineLayers(useTiles),
    ...overlayLineLayers(),
    ...(offline ? [riverLabelLayer()] : []),
    ...boundaryLabelLayers(),
    ...assetTopLayers(),
  ];
  style.layers.push(...layers);
  return style;
}

/** Creates the map and resolves once its style is loaded (sources may still be loading). */
export async function createMap(o: MapViewOptions): Promise<maplibregl.Map> {
  maplibregl.setWorkerUrl(new URL(maplibreWorker, window.location.href).href);
  const style = fullStyle(o, await externalStyle(o.config.basemap.style));
  const [w, s, e, n] = DISTRICT_BOUNDS;
  const sw = o.display.toDisplay([w, s]);
  const ne = o.display.toDisplay([e, n]);
  const limitSw = o.display.toDisplay([PAN_LIMIT[0], PAN_LIMIT[1]]);
  const limitNe = o.display.toDisplay([PAN_LIMIT[2], PAN_LIMIT[3]]);
  const map = new maplibregl.Map({
    container: o.container,
    style,
    localIdeographFontFamily: LOCAL_CJK_FONTS,
    maxBounds: [limitSw, limitNe],
    minZoom: 8.5,
    maxZoom: 18.5,
    dragRotate: false,
    pitchWithRotate: false,
    attributionControl: { compact: true },
    ...(o.center && o.zoom !== null
      ? { center: o.display.toDisplay(o.center), zoom: o.zoom }
      : {
          bounds: [sw, ne] as [LonLat, LonLat],
          fitBoundsOptions: { padding: 24 },
        }),
  });
  map.touchZoomRotate.disableRotation();
  map.keyboard.disableRotation();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
  map.getCanvas().setAttribute('aria-label', o.ariaLabel);
  window.__map = map;
  watchMapIdle(map, o.container);
  await new Promise<void>((done) => map.once('load', () => done()));
  addAssetIcons(map);
  return map;
}

/** The asset under a point, if any: an icon first, then the path. */
export function assetAt(map: maplibregl.Map, point: maplibregl.PointLike): MapGeoJSONFeature | undefined {
  const layers = ASSET_CLICK_LAYERS.filter((id) => map.getLayer(id));
  const hits = map.queryRenderedFeatures(point, { layers });
  return hits.sort(
    (a, b) => ASSET_CLICK_LAYERS.indexOf(a.layer.id) - ASSET_CLICK_LAYERS.indexOf(b.layer.id),
  )[0];
}
