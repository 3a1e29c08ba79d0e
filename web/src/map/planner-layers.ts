// The planner's map: the draft's blocks (instead of the current generation's), changed blocks outlined, the
// selected block with its corners as handles, the line being drawn, and where the server found a problem.
import type { Feature, FeatureCollection, LineString, Point, Position } from 'geojson';
import type {
  ExpressionSpecification,
  GeoJSONSource,
  LayerSpecification,
  Map as MapLibreMap,
} from 'maplibre-gl';
import type { Blocks } from '../api/schemas';
import type { DisplayCrs, LonLat } from './display-crs';
import { FONT_REGULAR } from './fonts';
import { labelPoints } from './label-points';
import { COLORS } from './palette';

export const DRAFT_FILL = 'draft-fill';
export const VERTEX_LAYER = 'draft-vertex';
const SOURCES = [
  'draft-blocks',
  'draft-labels',
  'draft-changed',
  'draft-vertices',
  'draft-sketch',
  'draft-problems',
];
/** The current generation's block outlines and names: hidden while the draft's are shown. */
const CURRENT_BLOCK_LAYERS = ['block-line', 'block-label'];
const PLANNER = { changed: '#b45309', selected: '#1d4ed8', sketch: '#7c3aed', problem: '#b91c1c' };

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const shortName: ExpressionSpecification = [
  'case',
  ['>=', ['index-of', '第', ['get', 'name']], 0],
  ['slice', ['get', 'name'], ['index-of', '第', ['get', 'name']]],
  ['get', 'name'],
];

function layers(): LayerSpecification[] {
  return [
    {
      id: DRAFT_FILL,
      type: 'fill',
      source: 'draft-blocks',
      paint: {
        'fill-color': PLANNER.selected,
        'fill-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 0.16, 0.01],
      },
    },
    {
      id: 'draft-line',
      type: 'line',
      source: 'draft-blocks',
      paint: {
        'line-color': COLORS.community,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.6, 16, 1.6],
      },
    },
    {
      id: 'draft-changed-line',
      type: 'line',
      source: 'draft-changed',
      paint: { 'line-color': PLANNER.changed, 'line-width': 3, 'line-dasharray': [2, 1] },
    },
    {
      id: 'draft-selected-line',
      type: 'line',
      source: 'draft-blocks',
      filter: ['==', ['get', 'id'], ''],
      paint: { 'line-color': PLANNER.selected, 'line-width': 3 },
    },
    {
      id: 'draft-label',
      type: 'symbol',
      source: 'draft-labels',
      minzoom: 13.5,
      layout: { 'text-field': shortName, 'text-font': FONT_REGULAR, 'text-size': 12, 'text-padding': 4 },
      paint: { 'text-color': COLORS.labelBlock, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.4 },
    },
    {
      id: 'draft-sketch-line',
      type: 'line',
      source: 'draft-sketch',
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': PLANNER.sketch, 'line-width': 2.5, 'line-dasharray': [1.5, 1] },
    },
    {
      id: VERTEX_LAYER,
      type: 'circle',
      source: 'draft-vertices',
      paint: {
        'circle-radius': ['case', ['get', 'shared'], 6, 4.5],
        'circle-color': ['case', ['get', 'outline'], '#9ca3af', '#ffffff'],
        'circle-stroke-color': PLANNER.selected,
        'circle-stroke-width': 2,
      },
    },
    {
      id: 'draft-sketch-point',
      type: 'circle',
      source: 'draft-sketch',
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': ['case', ['get', 'snapped'], 6, 4],
        'circle-color': PLANNER.sketch,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: 'draft-problem',
      type: 'circle',
      source: 'draft-problems',
      paint: {
        'circle-radius': 9,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': PLANNER.problem,
        'circle-stroke-width': 3,
      },
    },
  ];
}

/** A corner of the selected block: where it is drawn and where it is stored (WGS84, exact). */
export interface Vertex {
  at: LonLat;
  /** Other blocks that have this corner too (they move with it). */
  shared: boolean;
  /** On the district outline: fixed. */
  outline: boolean;
}

export interface PlannerLayers {
  setBlocks(blocks: Blocks): void;
  setChanged(ids: readonly string[]): void;
  select(id: string | null): void;
  setVertices(vertices: readonly Vertex[]): void;
  /** The line being drawn (or a vertex being dragged with its two neighbours), WGS84; [] clears it. */
  setSketch(line: readonly LonLat[], snapped?: readonly boolean[]): void;
  setProblems(points: readonly LonLat[]): void;
  remove(): void;
}

export function addPlannerLayers(map: MapLibreMap, display: DisplayCrs): PlannerLayers {
  for (const id of SOURCES)
    map.addSource(id, {
      type: 'geojson',
      data: EMPTY,
      ...(id === 'draft-blocks' ? { promoteId: 'id' } : {}),
    });
  const specs = layers();
  const before = map.getLayer('community-line') ? 'community-line' : undefined;
  for (const l of specs) map.addLayer(l, l.id === DRAFT_FILL || l.id === 'draft-line' ? before : undefined);
  for (const id of CURRENT_BLOCK_LAYERS)
    if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', 'none');
  const source = (id: string) => map.getSource(id) as GeoJSONSource | undefined;
  let blocks: Blocks = { type: 'FeatureCollection', features: [] };
  let selected: string | null = null;
  const points = (list: readonly LonLat[], props: (i: number) => Record<string, unknown> = () => ({})) =>
    list.map(
      (p, i): Feature<Point> => ({
        type: 'Feature',
        properties: props(i),
        geometry: { type: 'Point', coordinates: display.toDisplay(p) as Position },
      }),
    );
  return {
    setBlocks(next) {
      blocks = next;
      source('draft-blocks')?.setData(display.geojson(next as FeatureCollection));
      source('draft-labels')?.setData(display.geojson(labelPoints(next)));
      if (selected) map.setFeatureState({ source: 'draft-blocks', id: selected }, { selected: true });
    },
    setChanged(ids) {
      const wanted = new Set(ids);
      source('draft-changed')?.setData(
        display.geojson({
          type: 'FeatureCollection',
          features: blocks.features.filter((f) => wanted.has(f.properties.id)),
        } as FeatureCollection),
      );
    },
    select(id) {
      if (selected) map.setFeatureState({ source: 'draft-blocks', id: selected }, { selected: false });
      selected = id;
      if (id) map.setFeatureState({ source: 'draft-blocks', id }, { selected: true });
      map.setFilter('draft-selected-line', ['==', ['get', 'id'], id ?? '']);
    },
    setVertices(vertices) {
      source('draft-vertices')?.setData({
        type: 'FeatureCollection',
        features: points(
          vertices.map((v) => v.at),
          (i) => ({
            lon: vertices[i].at[0],
            lat: vertices[i].at[1],
            shared: vertices[i].shared,
            outline: vertices[i].outline,
          }),
        ),
      });
    },
    setSketch(line, snapped = []) {
      const features: Feature[] = points(line, (i) => ({ snapped: Boolean(snapped[i]) }));
      if (line.length >= 2)
        features.push({
          type: 'Feature',
          properties: {},
          geometry: { type: 'LineString', coordinates: line.map((p) => display.toDisplay(p)) } as LineString,
        });
      source('draft-sketch')?.setData({ type: 'FeatureCollection', features });
    },
    setProblems(list) {
      source('draft-problems')?.setData({ type: 'FeatureCollection', features: points(list) });
    },
    remove() {
      for (const l of specs) if (map.getLayer(l.id)) map.removeLayer(l.id);
      for (const id of SOURCES) if (map.getSource(id)) map.removeSource(id);
      for (const id of CURRENT_BLOCK_LAYERS)
        if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', 'visible');
    },
  };
}
