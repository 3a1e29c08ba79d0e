// Typed calls to the geography API: generations, tiles, boundaries, locate, block detail, assets.
import type { AssetKind } from '../../../core/geography/schemas';
import { apiUrl, request } from './http';
import {
  assetsSchema,
  blockDetailSchema,
  blocksSchema,
  communitiesSchema,
  generationSchema,
  locationSchema,
  townshipsSchema,
} from './schemas';

export type TileLayer = 'blocks' | 'communities' | 'townships';

export const getCurrentGeneration = () => request('/api/generations/current', generationSchema);

/** The vector-tile URL template of one layer of one immutable generation. */
export const tileTemplate = (layer: TileLayer, generation: number) =>
  apiUrl(`/api/tiles/${layer}/${generation}/{z}/{x}/{y}.mvt`);

export const getTownships = () => request('/api/townships', townshipsSchema);
export const getCommunities = () => request('/api/communities', communitiesSchema);
export const getBlocks = () => request('/api/blocks', blocksSchema);

export const getAssets = (kinds?: readonly AssetKind[]) =>
  request(`/api/assets${kinds?.length ? `?kind=${kinds.join(',')}` : ''}`, assetsSchema);

/** Which block contains a WGS84 point; 422 OUTSIDE_DISTRICT outside the district. */
export const locate = (lon: number, lat: number, signal?: AbortSignal) =>
  request(`/api/locate?lon=${lon.toFixed(6)}&lat=${lat.toFixed(6)}&crs=wgs84`, locationSchema, { signal });

/** A block with its cadres (phones masked), duty phone, doctor team and assets. */
export const getBlockDetail = (id: string, signal?: AbortSignal) =>
  request(`/api/blocks/${encodeURIComponent(id)}`, blockDetailSchema, { signal });
