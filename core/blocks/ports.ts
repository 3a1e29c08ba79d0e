// Store interfaces the block domain needs; functions/store implements them for DynamoDB.
import type { Feature, Geometry } from 'geojson';
import type { AssetProperties, Assignment, Cadre, Department, DoctorTeam } from '../geography/schemas.js';
import type { BoundarySet, Generation } from './generation.js';

export type AssetFeature = Feature<Geometry, AssetProperties>;

/** Boundary generations and their blocks, communities and townships. */
export interface BoundaryStore {
  /** The current (published) generation number, or null before any data is loaded. */
  currentGeneration(): Promise<number | null>;
  getGeneration(generation: number): Promise<Generation | null>;
  listGenerations(): Promise<Generation[]>;
  /** All boundaries of one generation; generations are immutable once published, so callers cache. */
  loadBoundaries(generation: number): Promise<BoundarySet>;
  /** Writes a complete generation (idempotent: rewriting the same set is harmless). */
  putBoundaries(meta: Generation, set: BoundarySet): Promise<void>;
  /** Makes `generation` current, only if the current one is still `expectedCurrent`. */
  setCurrent(generation: number, expectedCurrent: number | null): Promise<void>;
}

/** Binary artifacts derived from a generation (the locate grid): megabytes, so not in DynamoDB. */
export interface ArtifactStore {
  get(key: string): Promise<Uint8Array | null>;
  put(key: string, bytes: Uint8Array): Promise<void>;
}

/** People and places attached to blocks: cadres, their assignments, doctor teams, departments, assets. */
export interface ReferenceStore {
  assignment(generation: number, blockId: string): Promise<Assignment | null>;
  cadres(ids: readonly string[]): Promise<Cadre[]>;
  /** The blocks a cadre serves in a generation, with the role in each. */
  blocksOfCadre(generation: number, cadreId: string): Promise<{ block_id: string; role: string }[]>;
  doctorTeam(id: string): Promise<DoctorTeam | null>;
  departments(): Promise<Department[]>;
  assets(): Promise<AssetFeature[]>;
}
