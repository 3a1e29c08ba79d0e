// Incidents and hexagons as the GeoJSON the staff layers draw: points in display coordinates, hexagon labels.
import type { Feature, FeatureCollection, Point } from 'geojson';
import { isOpen, lateness } from '../api/incident-time';
import type { IncidentView } from '../api/schemas';
import type { Hexagons } from '../api/staff-schemas';
import type { DisplayCrs } from './display-crs';

/**
 * Points of the incidents that have one (staff see every point), flagged open / overdue. The selected one is
 * left out: it is drawn on its own (staff-layers' setSelected), never hidden in a cluster.
 */
export function incidentPoints(
  list: readonly IncidentView[],
  display: DisplayCrs,
  selected: string | null,
): FeatureCollection<Point> {
  const now = Date.now();
  const features: Feature<Point>[] = [];
  for (const i of list) {
    if (!i.point || i.id === selected) continue;
    const late = lateness(i, now);
    features.push({
      type: 'Feature',
      id: i.id,
      properties: {
        id: i.id,
        class: i.class,
        status: i.status,
        category: i.category,
        open: isOpen(i),
        overdue: late !== null && late > 0,
      },
      geometry: { type: 'Point', coordinates: display.toDisplay(i.point) },
    });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * One label point per hexagon (the mean of its six corners), carrying its count and `label_from`: the count
 * from which a hexagon is labelled at district scale (the busiest ones only).
 */
export function hexLabelPoints(hexagons: Hexagons, labelFrom: number): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: hexagons.features.map((f) => {
      const ring = f.geometry.coordinates[0];
      const corners = ring.length > 1 ? ring.slice(0, -1) : ring;
      const lon = corners.reduce((s, p) => s + p[0], 0) / corners.length;
      const lat = corners.reduce((s, p) => s + p[1], 0) / corners.length;
      return {
        type: 'Feature',
        properties: { count: f.properties.count, label_from: labelFrom },
        geometry: { type: 'Point', coordinates: [lon, lat] },
      };
    }),
  };
}

/** H3 resolution for a zoom: coarse cells at district scale, finer as one zooms in. */
export const hexResForZoom = (zoom: number): 8 | 9 | 10 => (zoom < 12.5 ? 8 : zoom < 14 ? 9 : 10);
