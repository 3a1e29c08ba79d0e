// The staff overlays: Gi* bins on the block polygons (feature-state), H3 report density with counts, and
// incidents as client-side clusters coloured by class. Added when a staff mode starts, removed when it stops.
import type { Feature, FeatureCollection, Point } from 'geojson';
import type {
  ExpressionSpecification,
  GeoJSONSource,
  LayerSpecification,
  Map as MapLibreMap,
} from 'maplibre-gl';
import type { DisplayCrs } from './display-crs';
import { FONT_BOLD } from './fonts';
import { CLASS_COLORS, COLORS, HEX_COLOR, HEX_OPACITY, HOTSPOT_BIN_COLORS, OVERDUE_RING } from './palette';

export const HOTSPOT_LAYER = 'hotspot-fill';
export const HEX_LAYERS = ['hex-fill', 'hex-line', 'hex-label'] as const;
export const CLUSTER_LAYER = 'incident-cluster';
export const POINT_LAYER = 'incident-point';
const INCIDENT_LAYERS = [CLUSTER_LAYER, 'incident-cluster-count', POINT_LAYER, 'incident-point-label'];
export const SELECTED_LAYER = 'selected-incident';
const SOURCES = ['hex', 'hex-labels', 'staff-incidents', 'selected-incident'];
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Class breaks of hexagon counts (5 classes, upper-tail quantiles, strictly increasing), low to high. */
export function densityBreaks(counts: readonly number[]): number[] {
  if (!counts.length) return [1, 2, 3, 4];
  const sorted = [...counts].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const breaks: number[] = [];
  for (const q of [0.5, 0.75, 0.9, 0.97]) breaks.push(Math.max(at(q), (breaks.at(-1) ?? 1) + 1));
  return breaks;
}

const hexOpacity = (breaks: number[]): ExpressionSpecification =>
  ['step', ['get', 'count'], HEX_OPACITY[0], ...breaks.flatMap((b, i) => [b, HEX_OPACITY[i + 1]])] as never;

const byClass = (pick: 'fill' | 'text', prop: ExpressionSpecification): ExpressionSpecification => [
  'match',
  prop,
  'D',
  CLASS_COLORS.D[pick],
  'C',
  CLASS_COLORS.C[pick],
  'B',
  CLASS_COLORS.B[pick],
  CLASS_COLORS.A[pick],
];

/** A cluster shows the most urgent class it contains. */
const clusterClass: ExpressionSpecification = [
  'case',
  ['>', ['get', 'd'], 0],
  'D',
  ['>', ['get', 'c'], 0],
  'C',
  ['>', ['get', 'b'], 0],
  'B',
  'A',
];
const countOf = (cls: string) => ['+', ['case', ['==', ['get', 'class'], cls], 1, 0]];

function layers(blocksLayer: string | undefined): { below: LayerSpecification[]; top: LayerSpecification[] } {
  const binColor = [
    'match',
    ['coalesce', ['feature-state', 'bin'], 0],
    ...Object.entries(HOTSPOT_BIN_COLORS).flatMap(([bin, color]) => [Number(bin), color]),
    'rgba(0,0,0,0)',
  ] as unknown as ExpressionSpecification;
  const below: LayerSpecification[] = [
    {
      id: 'hex-fill',
      type: 'fill',
      source: 'hex',
      paint: { 'fill-color': HEX_COLOR, 'fill-opacity': hexOpacity([1, 2, 3, 4]) },
    },
    {
      id: HOTSPOT_LAYER,
      type: 'fill',
      source: 'blocks',
      ...(blocksLayer ? { 'source-layer': blocksLayer } : {}),
      paint: {
        'fill-color': binColor,
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 10, 0.85, 16, 0.6],
      },
    },
    {
      id: 'hex-line',
      type: 'line',
      source: 'hex',
      minzoom: 11.5,
      paint: { 'line-color': '#ffffff', 'line-width': 0.6, 'line-opacity': 0.8 },
    },
  ];
  const top: LayerSpecification[] = [
    {
      // The open incident, at every zoom and never inside a cluster (points are drawn one by one only close up).
      id: 'selected-incident',
      type: 'circle',
      source: 'selected-incident',
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 9, 16, 14],
        'circle-color': byClass('fill', ['get', 'class']),
        'circle-stroke-color': '#17324a',
        'circle-stroke-width': 4,
      },
    },
    {
      id: 'selected-incident-label',
      type: 'symbol',
      source: 'selected-incident',
      layout: {
        'text-field': ['get', 'class'],
        'text-font': FONT_BOLD,
        'text-size': 12,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': byClass('text', ['get', 'class']) },
    },
    {
      id: 'hex-label',
      type: 'symbol',
      source: 'hex-labels',
      minzoom: 10,
      layout: {
        // District scale: only the busiest hexagons are labelled; close up, every one.
        'text-field': [
          'step',
          ['zoom'],
          ['case', ['>=', ['get', 'count'], ['get', 'label_from']], ['to-string', ['get', 'count']], ''],
          13.5,
          ['to-string', ['get', 'count']],
        ],
        'text-font': FONT_BOLD,
        'text-size': 11,
        'text-padding': 1,
      },
      paint: { 'text-color': '#0d1f2d', 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
    },
    {
      id: CLUSTER_LAYER,
      type: 'circle',
      source: 'staff-incidents',
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': byClass('fill', clusterClass),
        'circle-radius': ['step', ['get', 'point_count'], 15, 10, 19, 50, 25],
        'circle-stroke-color': ['case', ['>', ['get', 'overdue'], 0], OVERDUE_RING, '#ffffff'],
        'circle-stroke-width': ['case', ['>', ['get', 'overdue'], 0], 3, 2],
      },
    },
    {
      id: 'incident-cluster-count',
      type: 'symbol',
      source: 'staff-incidents',
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': FONT_BOLD,
        'text-size': 13,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': byClass('text', clusterClass) },
    },
    {
      id: POINT_LAYER,
      type: 'circle',
      source: 'staff-incidents',
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': byClass('fill', ['get', 'class']),
        'circle-radius': 10,
        'circle-opacity': ['case', ['get', 'open'], 1, 0.45],
        'circle-stroke-color': ['case', ['get', 'overdue'], OVERDUE_RING, '#ffffff'],
        'circle-stroke-width': ['case', ['get', 'overdue'], 3, 1.5],
      },
    },
    {
      id: 'incident-point-label',
      type: 'symbol',
      source: 'staff-incidents',
      filter: ['!', ['has', 'point_count']],
      layout: {
        'text-field': ['get', 'class'],
        'text-font': FONT_BOLD,
        'text-size': 11,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': byClass('text', ['get', 'class']) },
    },
  ];
  // The open incident is drawn above every other symbol.
  const selectedFirst = top.splice(0, 2);
  top.push(...selectedFirst);
  return { below, top };
}

export interface StaffLayers {
  /** Gi* bins by block id (0 or absent: not drawn). */
  setBins(bins: ReadonlyMap<string, number>): void;
  setHexagons(hexagons: FeatureCollection, labels: FeatureCollection, breaks: number[]): void;
  /** Incident points (display coordinates) with properties id, class, status, open, overdue. */
  setIncidents(points: FeatureCollection): void;
  /** Draws the open incident (display coordinates) on its own, above the clusters; null clears it. */
  setSelected(selected: { point: [number, number]; id: string; class: string } | null): void;
  show(layer: 'hotspots' | 'hex' | 'incidents', visible: boolean): void;
  remove(): void;
}

/** Adds the staff sources and layers; `incidentsMinZoom` hides the points below it (the dispatcher's 15). */
export function addStaffLayers(map: MapLibreMap, display: DisplayCrs, incidentsMinZoom = 0): StaffLayers {
  const blocksLayer = display.crs === 'wgs84' ? 'blocks' : undefined;
  map.addSource('hex', { type: 'geojson', data: EMPTY });
  map.addSource('hex-labels', { type: 'geojson', data: EMPTY });
  map.addSource('selected-incident', { type: 'geojson', data: EMPTY });
  map.addSource('staff-incidents', {
    type: 'geojson',
    data: EMPTY,
    cluster: true,
    clusterRadius: 44,
    clusterMaxZoom: 17,
    clusterProperties: {
      a: countOf('A'),
      b: countOf('B'),
      c: countOf('C'),
      d: countOf('D'),
      overdue: ['+', ['case', ['get', 'overdue'], 1, 0]],
    } as never,
  });
  const { below, top } = layers(blocksLayer);
  // Under the parks and the boundary lines, so the map's own structure stays readable on top.
  const under = map.getLayer('asset-area-fill') ? 'asset-area-fill' : undefined;
  for (const l of below) map.addLayer(l, l.id === 'hex-line' ? 'block-line' : under);
  // Hexagon counts yield to the area names (symbols of lower layers are placed after those above them).
  for (const l of top)
    map.addLayer(l, l.id === 'hex-label' && map.getLayer('block-label') ? 'block-label' : undefined);
  for (const id of INCIDENT_LAYERS) map.setLayerZoomRange(id, incidentsMinZoom, 24);
  // The township tints would compete with the analysis colours: one neutral land colour meanwhile.
  const tint = map.getPaintProperty('township-fill', 'fill-color');
  map.setPaintProperty('township-fill', 'fill-color', COLORS.land);
  const source = (id: string) => map.getSource(id) as GeoJSONSource | undefined;
  const ids = [...below, ...top].map((l) => l.id);
  return {
    setBins(bins) {
      const target = { source: 'blocks', ...(blocksLayer ? { sourceLayer: blocksLayer } : {}) };
      map.removeFeatureState(target);
      for (const [id, bin] of bins) if (bin) map.setFeatureState({ ...target, id }, { bin });
    },
    setHexagons(hexagons, labels, breaks) {
      source('hex')?.setData(display.geojson(hexagons));
      source('hex-labels')?.setData(display.geojson(labels));
      map.setPaintProperty('hex-fill', 'fill-opacity', hexOpacity(breaks));
    },
    setIncidents(points) {
      source('staff-incidents')?.setData(points);
    },
    setSelected(selected) {
      const feature: Feature<Point> | null = selected && {
        type: 'Feature',
        properties: { id: selected.id, class: selected.class },
        geometry: { type: 'Point', coordinates: selected.point },
      };
      source('selected-incident')?.setData({ type: 'FeatureCollection', features: feature ? [feature] : [] });
    },
    show(layer, visible) {
      const targets =
        layer === 'hotspots' ? [HOTSPOT_LAYER] : layer === 'hex' ? [...HEX_LAYERS] : INCIDENT_LAYERS;
      for (const id of targets)
        if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    },
    remove() {
      for (const id of ids) if (map.getLayer(id)) map.removeLayer(id);
      for (const id of SOURCES) if (map.getSource(id)) map.removeSource(id);
      if (map.getLayer('township-fill')) map.setPaintProperty('township-fill', 'fill-color', tint);
      const target = { source: 'blocks', ...(blocksLayer ? { sourceLayer: blocksLayer } : {}) };
      if (map.getSource('blocks')) map.removeFeatureState(target);
    },
  };
}
