// Block contiguity (queen or rook) as a compact CSR graph, built once per boundary generation.
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { DomainError } from '../errors';

/**
 * Symmetric neighbour graph without self loops, in input order: the neighbours of block i are
 * `neighbours[offsets[i] .. offsets[i + 1])`, ascending. `ids[i]` is the block's `properties.id`.
 */
export interface Adjacency {
  n: number;
  offsets: Uint32Array;
  neighbours: Uint32Array;
  ids: readonly string[];
}

/** Queen: blocks sharing at least one vertex. Rook: blocks sharing at least one edge (two consecutive vertices). */
export type Contiguity = 'queen' | 'rook';

/** A block as it arrives from the boundary store: a polygonal Feature with a string or numeric id. */
export type BlockFeature = Feature<Polygon | MultiPolygon, { id: string | number } & Record<string, unknown>>;

/** Vertices are compared on a 1e-7° grid (≈ 1 cm), so float noise from re-projection cannot split a vertex. */
const SNAP = 1e7;

const vertexKey = (p: Position) => `${Math.round(p[0] * SNAP)},${Math.round(p[1] * SNAP)}`;

function invalid(message: string, details: Record<string, unknown>): DomainError {
  return new DomainError('INVALID_GEOMETRY', message, 422, details);
}

function ringsOf(feature: BlockFeature, index: number): Position[][] {
  const g = feature?.geometry as Polygon | MultiPolygon | null | undefined;
  if (g?.type === 'Polygon') return g.coordinates;
  if (g?.type === 'MultiPolygon') return g.coordinates.flat();
  const type = (g as { type?: string } | null | undefined)?.type ?? 'null';
  throw invalid(`block #${index} has geometry ${type}: give every block a Polygon or MultiPolygon`, {
    index,
  });
}

/**
 * Contiguity graph of a clean coverage (blocks share vertices exactly, no T-junctions). Holes and
 * every part of a MultiPolygon count, so an exclave touching a block makes the two neighbours.
 */
export function contiguity(features: readonly BlockFeature[], rule: Contiguity = 'queen'): Adjacency {
  const ids = features.map((f, index) => {
    const id = f?.properties?.id;
    if (typeof id !== 'string' && typeof id !== 'number') {
      throw invalid(`block #${index} has no properties.id: give every block a string id`, { index });
    }
    return String(id);
  });
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id))
      throw invalid(`block id ${JSON.stringify(id)} appears twice: ids must be unique`, { id });
    seen.add(id);
  }
  // Owners of each vertex (queen) or undirected edge (rook); a block is listed once per key.
  const owners = new Map<string, number[]>();
  const own = (key: string, index: number) => {
    const list = owners.get(key);
    if (!list) owners.set(key, [index]);
    else if (list[list.length - 1] !== index) list.push(index);
  };
  features.forEach((feature, index) => {
    for (const ring of ringsOf(feature, index)) {
      for (let k = 0; k < ring.length; k++) {
        const a = vertexKey(ring[k]);
        if (rule === 'queen') own(a, index);
        else if (k + 1 < ring.length) {
          const b = vertexKey(ring[k + 1]);
          if (a !== b) own(a < b ? `${a}|${b}` : `${b}|${a}`, index);
        }
      }
    }
  });
  const sets: Set<number>[] = features.map(() => new Set());
  for (const list of owners.values()) {
    if (list.length < 2) continue;
    for (const a of list) for (const b of list) if (a !== b) sets[a].add(b);
  }
  return toCsr(sets, ids);
}

/** Queen contiguity: two blocks are neighbours when they share at least one vertex. */
export function queenAdjacency(features: readonly BlockFeature[]): Adjacency {
  return contiguity(features, 'queen');
}

function toCsr(sets: readonly Set<number>[], ids: readonly string[]): Adjacency {
  const n = sets.length;
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + sets[i].size;
  const neighbours = new Uint32Array(offsets[n]);
  for (let i = 0; i < n; i++) neighbours.set(Uint32Array.from(sets[i]).sort(), offsets[i]);
  return { n, offsets, neighbours, ids };
}

/** The neighbour indices of block i (a view, not a copy). */
export function neighboursOf(adj: Adjacency, i: number): Uint32Array {
  return adj.neighbours.subarray(adj.offsets[i], adj.offsets[i + 1]);
}

const cache = new Map<string, Adjacency>();
const CACHE_SIZE = 4;

/**
 * Queen adjacency of a boundary generation, computed on first use and kept at module scope.
 * Generations are immutable, so the key never goes stale; the few most recent are kept.
 */
export function cachedQueenAdjacency(
  generation: string | number,
  load: () => readonly BlockFeature[],
): Adjacency {
  const key = String(generation);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const adj = queenAdjacency(load());
  cache.set(key, adj);
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return adj;
}
