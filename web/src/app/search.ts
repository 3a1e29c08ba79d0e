// Wires the search box: entries from the loaded geography and assets; a pick zooms, outlines or drops the pin.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { LngLatBoundsLike } from 'maplibre-gl';
import { type MessageKey, t } from '../i18n/i18n';
import { labelPoint } from '../map/label-points';
import { showHighlight } from '../map/map-data';
import { createSearchBox, type SearchEntry } from '../ui/search-box';
import type { AppContext } from './context';

function bounds(coords: Position[], toDisplay: (p: Position) => [number, number]): LngLatBoundsLike {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of coords) {
    const [x, y] = toDisplay(p);
    w = Math.min(w, x);
    s = Math.min(s, y);
    e = Math.max(e, x);
    n = Math.max(n, y);
  }
  return [w, s, e, n];
}

const outer = (g: Polygon | MultiPolygon): Position[] =>
  g.type === 'Polygon' ? g.coordinates[0] : g.coordinates.flatMap((p) => p[0]);

/** Puts the search box in the header; returns a function that removes it. */
export function attachSearch(ctx: AppContext, dropPin: (pin: [number, number]) => void): () => void {
  const { data, map, display } = ctx;
  let loading: Promise<SearchEntry[]> | null = null;
  const load = () => {
    loading ??= Promise.all([data.assets, data.blocks()]).then(([assets, blocks]) => [
      ...data.townships.features.map((f) => ({
        kind: 'township' as const,
        id: f.properties.code,
        name: f.properties.name,
        context: '',
      })),
      ...data.communities.features.map((f) => ({
        kind: 'community' as const,
        id: f.properties.code,
        name: f.properties.name,
        context: f.properties.township_name,
      })),
      ...assets.features.map((f) => ({
        kind: 'asset' as const,
        id: f.properties.id,
        name: f.properties.name,
        context: t(`asset.${f.properties.kind}` as MessageKey),
      })),
      ...blocks.features.map((f) => ({
        kind: 'block' as const,
        id: f.properties.id,
        name: f.properties.name,
        context: `${f.properties.community_name} · ${f.properties.township_name}`,
      })),
    ]);
    loading.catch(() => {
      loading = null;
    });
    return loading;
  };

  const pick = async (e: SearchEntry) => {
    const fitTo = (coords: Position[]) =>
      map.fitBounds(bounds(coords, display.toDisplay), { padding: 48, maxZoom: 16 });
    if (e.kind === 'township' || e.kind === 'community') {
      const list = e.kind === 'township' ? data.townships.features : data.communities.features;
      const f = list.find((x) => x.properties.code === e.id);
      if (!f) return;
      showHighlight(map, display, f.geometry);
      fitTo(outer(f.geometry));
    } else if (e.kind === 'block') {
      const f = (await data.blocks()).features.find((x) => x.properties.id === e.id);
      if (!f) return;
      showHighlight(map, display, null);
      fitTo(outer(f.geometry));
      const p = labelPoint(f.geometry);
      dropPin([p[0], p[1]]);
    } else {
      const f = (await data.assets).features.find((x) => x.properties.id === e.id);
      if (!f) return;
      showHighlight(map, display, null);
      const g = f.geometry;
      const coords =
        g.type === 'Point' ? [g.coordinates] : g.type === 'LineString' ? g.coordinates : outer(g);
      if (g.type === 'Point') map.flyTo({ center: display.toDisplay(g.coordinates), zoom: 16 });
      else fitTo(coords);
    }
  };

  const box = createSearchBox({ load, onPick: (e) => void pick(e) });
  ctx.shell.searchSlot.replaceChildren(box);
  return () => ctx.shell.searchSlot.replaceChildren();
}
