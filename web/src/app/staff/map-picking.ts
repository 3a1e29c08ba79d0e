// Clicks on the staff map: a cluster zooms in to where it splits, an incident opens its card, anything else
// goes to `onOther` (the dispatcher's hot-spot popup).
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { CLUSTER_LAYER, POINT_LAYER, SELECTED_LAYER } from '../../map/staff-layers';

export function attachIncidentPicking(
  map: MapLibreMap,
  onIncident: (id: string) => void,
  onOther?: (e: MapMouseEvent) => void,
): () => void {
  const layers = () => [SELECTED_LAYER, POINT_LAYER, CLUSTER_LAYER].filter((id) => map.getLayer(id));
  const onClick = async (e: MapMouseEvent) => {
    const [hit] = map.queryRenderedFeatures(e.point, { layers: layers() });
    if (!hit) return onOther?.(e);
    if (hit.layer.id !== CLUSTER_LAYER) return onIncident(String(hit.properties.id));
    const source = map.getSource('staff-incidents') as GeoJSONSource;
    const zoom = await source.getClusterExpansionZoom(Number(hit.properties.cluster_id));
    const center = (hit.geometry as GeoJSON.Point).coordinates as [number, number];
    map.easeTo({ center, zoom: Math.min(zoom + 0.2, 18.5) });
  };
  const onMove = (e: MapMouseEvent) => {
    const over = map.queryRenderedFeatures(e.point, { layers: layers() }).length > 0;
    map.getCanvas().style.cursor = over ? 'pointer' : '';
  };
  map.on('click', onClick);
  map.on('mousemove', onMove);
  return () => {
    map.off('click', onClick);
    map.off('mousemove', onMove);
    map.getCanvas().style.cursor = '';
  };
}
