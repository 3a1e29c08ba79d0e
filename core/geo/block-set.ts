// Validates a FeatureCollection of blocks and lays it out in index order (sorted by id) with flat coordinates.
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { DomainError } from '../errors';
import { Hash32, hex32 } from './hash32';

/** Any FeatureCollection of block polygons; the id is read from `properties[idProperty]` (default `id`). */
export type BlocksInput = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown> | null>;

/**
 * The blocks in index order. Block `i` has id `ids[i]` and polygons `polygons[i]`. All ring vertices are
 * also copied, block by block, polygon by polygon, ring by ring (closing vertex included), into `coords`
 * as `[lon0, lat0, lon1, lat1, ...]`; ring `r` spans vertices `ringStart[r]` .. `ringStart[r + 1] - 1`
 * and belongs to block `ringBlock[r]`. A segment is named by the index of its first vertex.
 */
export interface BlockSet {
  readonly ids: readonly string[];
  readonly polygons: readonly Position[][][][];
  readonly coords: Float64Array;
  readonly ringStart: Uint32Array;
  readonly ringBlock: Uint32Array;
  /** `[minLon, minLat, maxLon, maxLat]` of each block, 4 numbers per block. */
  readonly bboxes: Float64Array;
  /** 16 hex digits identifying ids and every coordinate; a grid built for other blocks is refused. */
  readonly fingerprint: string;
}

function invalid(message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError('INVALID_GEOMETRY', message, 422, details);
}

function blockId(
  feature: Feature<Polygon | MultiPolygon, Record<string, unknown> | null>,
  n: number,
  key: string,
) {
  const id = feature.properties?.[key];
  if (typeof id !== 'string' || id === '') {
    throw invalid(`block feature #${n} has no string properties.${key}: give every block a unique id`, { n });
  }
  return id;
}

function checkRing(ring: Position[], id: string): void {
  if (!Array.isArray(ring) || ring.length < 4) {
    throw invalid(`block ${id} has a ring with fewer than 4 positions: a closed ring needs at least 4`, {
      id,
    });
  }
  for (const p of ring) {
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      throw invalid(`block ${id} has a non-numeric coordinate: use [lon, lat] numbers`, { id });
    }
  }
  const a = ring[0];
  const b = ring[ring.length - 1];
  if (a[0] !== b[0] || a[1] !== b[1]) {
    throw invalid(`block ${id} has a ring that is not closed: repeat the first vertex at the end`, { id });
  }
}

/** Validates the blocks and sorts them by id (UTF-16 code-unit order, as `Array.prototype.sort`). */
export function createBlockSet(input: BlocksInput, idProperty = 'id'): BlockSet {
  if (input?.type !== 'FeatureCollection' || !Array.isArray(input.features)) {
    throw invalid('blocks must be a GeoJSON FeatureCollection of Polygon or MultiPolygon features');
  }
  const entries = input.features.map((f, n) => {
    const g = f?.geometry;
    const id = blockId(f, n, idProperty);
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
      throw invalid(`block ${id} is not a Polygon or MultiPolygon: split other geometries out`, { id });
    }
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    if (polygons.length === 0) throw invalid(`block ${id} has no polygon: remove it or give it a geometry`);
    for (const poly of polygons) {
      if (poly.length === 0) throw invalid(`block ${id} has a polygon without rings`, { id });
      for (const ring of poly) checkRing(ring, id);
    }
    return { id, polygons };
  });
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < entries.length; i++) {
    if (entries[i].id === entries[i - 1].id) {
      throw invalid(`duplicate block id ${entries[i].id}: ids must be unique within a generation`);
    }
  }
  if (entries.length === 0) throw invalid('there are no blocks: a generation needs at least one block');
  return layOut(entries);
}

function layOut(entries: { id: string; polygons: Position[][][] }[]): BlockSet {
  let vertexCount = 0;
  let ringCount = 0;
  for (const e of entries) {
    for (const poly of e.polygons) {
      ringCount += poly.length;
      for (const ring of poly) vertexCount += ring.length;
    }
  }
  const coords = new Float64Array(vertexCount * 2);
  const ringStart = new Uint32Array(ringCount + 1);
  const ringBlock = new Uint32Array(ringCount);
  const bboxes = new Float64Array(entries.length * 4);
  const hash = [new Hash32(0x9e3779b9), new Hash32(0x7f4a7c15)];
  let v = 0;
  let r = 0;
  entries.forEach((e, b) => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const h of hash) h.string(e.id).word(e.polygons.length);
    for (const poly of e.polygons) {
      for (const h of hash) h.word(poly.length);
      for (const ring of poly) {
        ringStart[r] = v;
        ringBlock[r++] = b;
        for (const h of hash) h.word(ring.length);
        for (const p of ring) {
          coords[2 * v] = p[0];
          coords[2 * v + 1] = p[1];
          v++;
          if (p[0] < minX) minX = p[0];
          if (p[0] > maxX) maxX = p[0];
          if (p[1] < minY) minY = p[1];
          if (p[1] > maxY) maxY = p[1];
        }
      }
    }
    bboxes.set([minX, minY, maxX, maxY], b * 4);
  });
  ringStart[r] = v;
  const words = new Uint32Array(coords.buffer);
  for (const h of hash) h.words(words);
  return {
    ids: entries.map((e) => e.id),
    polygons: entries.map((e) => e.polygons),
    coords,
    ringStart,
    ringBlock,
    bboxes,
    fingerprint: hex32(hash[0].digest()) + hex32(hash[1].digest()),
  };
}
