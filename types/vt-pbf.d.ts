// Minimal types for vt-pbf (ships none): serialises geojson-vt tiles as Mapbox Vector Tile protobufs.
declare module 'vt-pbf' {
  export function fromGeojsonVt(
    layers: Record<string, { features: unknown[] }>,
    options?: { version?: number; extent?: number },
  ): Uint8Array;
}

declare module 'topojson-server' {
  import type { GeoJSON } from 'geojson';
  export function topology(objects: Record<string, GeoJSON>, quantization?: number): Record<string, unknown>;
}
