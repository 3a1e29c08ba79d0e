// Selection (the pinned block) and search highlight: GeoJSON sources in display coordinates, and the pin marker.
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { emptyCollection } from './display-crs';
import { COLORS } from './palette';

export function overlaySources(): Record<string, SourceSpecification> {
  const empty = emptyCollection();
  return { selection: { type: 'geojson', data: empty }, highlight: { type: 'geojson', data: empty } };
}

export function selectionFillLayer(): LayerSpecification {
  return {
    id: 'selection-fill',
    type: 'fill',
    source: 'selection',
    paint: { 'fill-color': COLORS.selection, 'fill-opacity': 0.14 },
  };
}

export function overlayLineLayers(): LayerSpecification[] {
  return [
    {
      id: 'highlight-line',
      type: 'line',
      source: 'highlight',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': COLORS.searchHighlight, 'line-width': 3, 'line-dasharray': [2, 1] },
    },
    {
      id: 'selection-line',
      type: 'line',
      source: 'selection',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': COLORS.selection,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 2, 16, 4],
      },
    },
  ];
}

/** The pin's element: an SVG drop pin that is a real, labelled control (keyboard and screen readers). */
export function pinElement(label: string): HTMLElement {
  const el = document.createElement('div');
  el.className = 'pin';
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', label);
  el.innerHTML =
    '<svg width="34" height="46" viewBox="0 0 34 46" aria-hidden="true" focusable="false">' +
    '<path d="M17 45C17 45 32 27.6 32 17A15 15 0 0 0 2 17c0 10.6 15 28 15 28z" fill="#c2410c" stroke="#fff" stroke-width="2.5"/>' +
    '<circle cx="17" cy="17" r="6" fill="#fff"/></svg>';
  return el;
}
