// The planner's two map gestures, on MapLibre's own events: drag a corner of the selected block (the exact
// shared corner is picked, so every block that has it moves with it), and draw a line point by point with
// snapping to existing corners (split). Positions leave here in WGS84 on the 1e-6° grid.
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { DisplayCrs, LonLat } from '../../map/display-crs';
import type { PlannerLayers } from '../../map/planner-layers';
import { VERTEX_LAYER } from '../../map/planner-layers';
import { nearestOnScreen, onGrid } from './planner-topology';

/** How close (px) a click must be to a corner to snap to it. */
export const SNAP_PX = 12;

export interface GestureTarget {
  map: MapLibreMap;
  display: DisplayCrs;
  layers: PlannerLayers;
}

/** Corners inside the current view (snapping candidates), so a mouse move projects a few hundred, not all. */
function cornersInView(map: MapLibreMap, display: DisplayCrs, corners: readonly LonLat[]): LonLat[] {
  const b = map.getBounds();
  const [w, s] = display.toWgs84([b.getWest(), b.getSouth()]);
  const [e, n] = display.toWgs84([b.getEast(), b.getNorth()]);
  return corners.filter((p) => p[0] >= w && p[0] <= e && p[1] >= s && p[1] <= n);
}

function snapper(t: GestureTarget, corners: () => readonly LonLat[]) {
  const project = (p: LonLat) => t.map.project(t.display.toDisplay(p));
  return (e: MapMouseEvent): { at: LonLat; snapped: boolean } => {
    const hit = nearestOnScreen(cornersInView(t.map, t.display, corners()), e.point, project, SNAP_PX);
    if (hit) return { at: hit, snapped: true };
    return { at: onGrid(t.display.toWgs84([e.lngLat.lng, e.lngLat.lat])), snapped: false };
  };
}

export interface VertexDragOptions {
  /** The ring of the selected block (to draw the two edges that follow the dragged corner). */
  ring(): readonly LonLat[];
  /** A corner that may not move (on the district outline): returns the message to show instead. */
  refuse(from: LonLat): string | null;
  onRefused(message: string): void;
  onDrop(from: LonLat, to: LonLat): void;
}

/** Lets the handles of the selected block's corners be dragged; returns the detach function. */
export function attachVertexDrag(t: GestureTarget, o: VertexDragOptions): () => void {
  const { map } = t;
  let dragging: { from: LonLat; prev: LonLat; next: LonLat } | null = null;
  const onDown = (e: MapMouseEvent) => {
    const [hit] = map.queryRenderedFeatures(e.point, { layers: [VERTEX_LAYER] });
    if (!hit) return;
    const from: LonLat = [Number(hit.properties.lon), Number(hit.properties.lat)];
    e.preventDefault(); // keeps the map from panning during this gesture
    const refused = o.refuse(from);
    if (refused) return o.onRefused(refused);
    const ring = o.ring();
    const i = ring.findIndex((p) => p[0] === from[0] && p[1] === from[1]);
    if (i < 0) return;
    dragging = { from, prev: ring[(i + ring.length - 1) % ring.length], next: ring[(i + 1) % ring.length] };
    map.getCanvas().style.cursor = 'grabbing';
  };
  const to = (e: MapMouseEvent) => onGrid(t.display.toWgs84([e.lngLat.lng, e.lngLat.lat]));
  const onMove = (e: MapMouseEvent) => {
    if (dragging) {
      t.layers.setSketch([dragging.prev, to(e), dragging.next]);
      return;
    }
    const over = map.queryRenderedFeatures(e.point, { layers: [VERTEX_LAYER] }).length > 0;
    map.getCanvas().style.cursor = over ? 'grab' : '';
  };
  const cancel = () => {
    if (!dragging) return;
    dragging = null;
    map.getCanvas().style.cursor = '';
    t.layers.setSketch([]);
  };
  // Released outside the map (over the panel) or Escape: the drag is dropped, nothing is sent. A release on
  // the map reaches onUp first (the canvas is below the window in the event path).
  const onWindowUp = () => cancel();
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') cancel();
  };
  const onUp = (e: MapMouseEvent) => {
    if (!dragging) return;
    const { from } = dragging;
    dragging = null;
    map.getCanvas().style.cursor = '';
    t.layers.setSketch([]);
    const target = to(e);
    if (target[0] !== from[0] || target[1] !== from[1]) o.onDrop(from, target);
  };
  map.on('mousedown', onDown);
  map.on('mousemove', onMove);
  map.on('mouseup', onUp);
  window.addEventListener('mouseup', onWindowUp);
  window.addEventListener('keydown', onKey);
  return () => {
    map.off('mousedown', onDown);
    map.off('mousemove', onMove);
    map.off('mouseup', onUp);
    window.removeEventListener('mouseup', onWindowUp);
    window.removeEventListener('keydown', onKey);
    map.getCanvas().style.cursor = '';
    t.layers.setSketch([]);
  };
}

export interface LineDrawing {
  /** The points so far (WGS84). */
  points(): readonly LonLat[];
  /** Ends the drawing and hands the line over (needs two points). */
  finish(): void;
  /** Removes the last point. */
  undo(): void;
  cancel(): void;
}

export interface LineDrawingOptions {
  corners(): readonly LonLat[];
  onChange(points: readonly LonLat[]): void;
  onFinish(line: LonLat[]): void;
  /** The drawing was cancelled (Escape, or cancel()). */
  onCancel(): void;
}

/** Keys typed into a form field or pressed on a button belong to it, not to the drawing. */
const ownedByControl = (e: KeyboardEvent) =>
  e.target instanceof HTMLElement &&
  (e.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(e.target.tagName));

/** Click to add points (snapped to a corner within SNAP_PX), double-click or Enter to finish, Escape to cancel. */
export function drawLine(t: GestureTarget, o: LineDrawingOptions): LineDrawing {
  const { map } = t;
  const snap = snapper(t, o.corners);
  const pts: LonLat[] = [];
  const snappedFlags: boolean[] = [];
  let hover: { at: LonLat; snapped: boolean } | null = null;
  const redraw = () => {
    const line = hover ? [...pts, hover.at] : pts;
    t.layers.setSketch(line, hover ? [...snappedFlags, hover.snapped] : snappedFlags);
    o.onChange(pts);
  };
  const add = (e: MapMouseEvent) => {
    const p = snap(e);
    const last = pts[pts.length - 1];
    if (last && last[0] === p.at[0] && last[1] === p.at[1]) return;
    pts.push(p.at);
    snappedFlags.push(p.snapped);
  };
  const onClick = (e: MapMouseEvent) => {
    add(e);
    redraw();
  };
  const onDblClick = (e: MapMouseEvent) => {
    e.preventDefault();
    drawing.finish();
  };
  const onMove = (e: MapMouseEvent) => {
    hover = pts.length ? snap(e) : null;
    map.getCanvas().style.cursor = 'crosshair';
    if (pts.length) redraw();
  };
  const onKey = (e: KeyboardEvent) => {
    if (ownedByControl(e) && e.key !== 'Escape') return;
    if (e.key === 'Escape') drawing.cancel();
    else if (e.key === 'Enter') drawing.finish();
    else if (e.key === 'Backspace') drawing.undo();
    else return;
    e.preventDefault();
  };
  const detach = () => {
    map.off('click', onClick);
    map.off('dblclick', onDblClick);
    map.off('mousemove', onMove);
    window.removeEventListener('keydown', onKey);
    map.doubleClickZoom.enable();
    map.getCanvas().style.cursor = '';
    t.layers.setSketch([]);
  };
  map.doubleClickZoom.disable();
  map.on('click', onClick);
  map.on('dblclick', onDblClick);
  map.on('mousemove', onMove);
  window.addEventListener('keydown', onKey);
  const drawing: LineDrawing = {
    points: () => pts,
    finish() {
      if (pts.length < 2) return;
      detach();
      o.onFinish([...pts]);
    },
    undo() {
      pts.pop();
      snappedFlags.pop();
      redraw();
    },
    cancel() {
      pts.length = 0;
      detach();
      o.onChange([]);
      o.onCancel();
    },
  };
  return drawing;
}
