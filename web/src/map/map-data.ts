// Fills the map's GeoJSON sources: labels (and boundaries on a GCJ basemap), assets, selection, highlight.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Assets, Blocks, Communities, Townships } from '../api/schemas';
import type { AssetGroup } from '../state/store';
import { assetFilters, pathLabelPoints } from './asset-layers';
import type { DisplayCrs } from './display-crs';
import { labelPoints } from './label-points';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

function setData(map: MapLibreMap, id: string, data: FeatureCollection | Feature): void {
  (map.getSource(id) as GeoJSONSource | undefined)?.setData(data);
}

/** Township and community label points; on a GCJ basemap also the boundary polygons themselves. */
export function showAreas(
  map: MapLibreMap,
  display: DisplayCrs,
  townships: Townships,
  communities: Communities,
): void {
  setData(map, 'township-labels', display.geojson(labelPoints(townships)));
  setData(map, 'community-labels', display.geojson(labelPoints(communities)));
  if (display.crs !== 'wgs84') {
    setData(map, 'townships', display.geojson(townships as FeatureCollection));
    setData(map, 'communities', display.geojson(communities as FeatureCollection));
  }
}

/** Block label points; on a GCJ basemap also the block polygons (WGS84 maps draw them from vector tiles). */
export function showBlocks(map: MapLibreMap, display: DisplayCrs, blocks: Blocks): void {
  setData(map, 'block-labels', display.geojson(labelPoints(blocks)));
  if (display.crs !== 'wgs84') setData(map, 'blocks', display.geojson(blocks as FeatureCollection));
}

export function showAssets(map: MapLibreMap, display: DisplayCrs, assets: Assets): void {
  setData(map, 'assets', display.geojson(assets as FeatureCollection));
  setData(map, 'asset-path-labels', display.geojson(pathLabelPoints(assets)));
}

/** Applies the legend's checkboxes to the asset layers. */
export function showAssetGroups(map: MapLibreMap, groups: readonly AssetGroup[]): void {
  const { filters, pathLayers, showPaths } = assetFilters(groups);
  for (const [id, filter] of Object.entries(filters)) if (map.getLayer(id)) map.setFilter(id, filter);
  for (const id of pathLayers)
    if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', showPaths ? 'visible' : 'none');
}

/** Outlines the resident's block (or clears it). */
export function showSelection(map: MapLibreMap, display: DisplayCrs, geometry: Geometry | null): void {
  setData(
    map,
    'selection',
    geometry ? display.geojson({ type: 'Feature', properties: {}, geometry }) : EMPTY,
  );
}

/** Outlines a search result (community or township), or clears it. */
export function showHighlight(map: MapLibreMap, display: DisplayCrs, geometry: Geometry | null): void {
  setData(
    map,
    'highlight',
    geometry ? display.geojson({ type: 'Feature', properties: {}, geometry }) : EMPTY,
  );
}
