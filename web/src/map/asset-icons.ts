// Asset kinds as map icons and legend swatches: white SVG pictograms on coloured discs, drawn locally (no sprites).
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AssetKind } from '../../../core/geography/schemas';
import type { AssetGroup } from '../state/store';

export interface KindStyle {
  group: AssetGroup;
  /** Disc colour: white on it has ≥ 4.5:1 contrast. */
  color: string;
  /** 24×24 pictogram, filled white (even-odd). */
  path: string;
}

export const KIND_STYLES: Record<AssetKind, KindStyle> = {
  health_path: {
    group: 'paths',
    color: '#c2410c',
    path: 'M4 16c3-8 6 2 9-5s5-4 7-2l-1 2c-2-2-3-1-4 2-3 7-7-2-9 4z',
  },
  park: { group: 'paths', color: '#2f7d32', path: 'M12 2l6 9h-3l4 6h-6v5h-2v-5H5l4-6H6z' },
  stage: { group: 'paths', color: '#86198f', path: 'M3 6h18v3H3z M5 10h14l-2 8H7z' },
  canteen: {
    group: 'canteens',
    color: '#b3401a',
    path: 'M4 12h16c0 4.4-3.6 8-8 8s-8-3.6-8-8z M8.2 3.5l1.4-.5 2.6 7-1.4.5z M15.8 3.5l-1.4-.5-2.6 7 1.4.5z',
  },
  meal_point: {
    group: 'canteens',
    color: '#8a5300',
    path: 'M4 12h16c0 4.4-3.6 8-8 8s-8-3.6-8-8z M8.6 4h1.6v6H8.6z M11.2 3h1.6v7h-1.6z M13.8 4h1.6v6h-1.6z',
  },
  school: {
    group: 'schools',
    color: '#1d4ed8',
    path: 'M12 3l9 5v2H3V8z M5 11h2.5v7H5z M10.75 11h2.5v7h-2.5z M16.5 11H19v7h-2.5z M3 19h18v2H3z',
  },
  gig_station: {
    group: 'gig',
    color: '#6d28d9',
    path: 'M9 4h6a1 1 0 0 1 1 1v2h4a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h4V5a1 1 0 0 1 1-1z M10 7h4V6h-4z',
  },
  gig_market: {
    group: 'gig',
    color: '#5b21b6',
    path: 'M3 4h18l1 5a2 2 0 0 1-4 0 2 2 0 0 1-4 0 2 2 0 0 1-4 0 2 2 0 0 1-4 0 2 2 0 0 1-4 0z M5 12h14v8h-5v-5h-4v5H5z',
  },
  service_centre: { group: 'services', color: '#0f6b63', path: 'M12 3l9 8h-3v9h-5v-6h-2v6H6v-9H3z' },
  landmark: {
    group: 'landmarks',
    color: '#9f1239',
    path: 'M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z',
  },
};

/** Kinds drawn as point icons (the path, park and stage outlines are drawn as lines and fills). */
export const ICON_KINDS = Object.keys(KIND_STYLES) as AssetKind[];

/** Kinds of one toggleable group. */
export function kindsOf(group: AssetGroup): AssetKind[] {
  return ICON_KINDS.filter((k) => KIND_STYLES[k].group === group);
}

/** An inline SVG disc for the legend and popups (same drawing as the map icon). */
export function iconSvg(kind: AssetKind, size = 20): string {
  const s = KIND_STYLES[kind];
  return `<svg width="${size}" height="${size}" viewBox="0 0 32 32" aria-hidden="true" focusable="false"><circle cx="16" cy="16" r="15" fill="${s.color}" stroke="#fff" stroke-width="2"/><path transform="translate(5 5) scale(0.9166)" fill="#fff" fill-rule="evenodd" d="${s.path}"/></svg>`;
}

/** Draws every icon into the map's image store as `asset-<kind>` (2× pixels for sharp screens). */
export function addAssetIcons(map: MapLibreMap): void {
  const ratio = 2;
  const size = 26 * ratio;
  for (const kind of ICON_KINDS) {
    const id = `asset-${kind}`;
    if (map.hasImage(id)) continue;
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.beginPath();
    ctx.arc(size / 2, size / 2, size / 2 - ratio, 0, Math.PI * 2);
    ctx.fillStyle = KIND_STYLES[kind].color;
    ctx.fill();
    ctx.lineWidth = 1.5 * ratio;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    const scale = (size * 0.6) / 24;
    ctx.setTransform(scale, 0, 0, scale, size * 0.2, size * 0.2);
    ctx.fillStyle = '#ffffff';
    ctx.fill(new Path2D(KIND_STYLES[kind].path), 'evenodd');
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    map.addImage(id, ctx.getImageData(0, 0, size, size), { pixelRatio: ratio });
  }
}
