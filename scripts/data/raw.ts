// Reads the raw reference data in ../shared/data/raw (generation time only; tests never need it).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MultiPolygon, Position } from 'geojson';

/** Repository root (two levels above scripts/data). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the raw files live; override with YUHU_RAW_DIR. */
export const RAW_DIR = process.env.YUHU_RAW_DIR ?? path.resolve(REPO_ROOT, '../shared/data/raw');

export type TownshipType = 'subdistrict' | 'town' | 'township';

export interface RawTownship {
  readonly code: string;
  readonly name: string;
  readonly type: TownshipType;
}

export interface RawCommunity {
  readonly code: string;
  readonly name: string;
  readonly type: 'community' | 'village';
  readonly townshipCode: string;
}

export interface RawPlace {
  readonly name: string;
  readonly position: Position;
  readonly uncertaintyM: number;
}

export interface RawData {
  readonly district: MultiPolygon;
  readonly districtSource: string;
  readonly townships: RawTownship[];
  readonly communities: RawCommunity[];
  readonly places: RawPlace[];
}

function readCsv(file: string): Record<string, string>[] {
  const [header, ...rows] = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const names = header.split(',');
  return rows.map((row) => {
    const cells = row.split(',');
    if (cells.length !== names.length)
      throw new Error(`${file}: row "${row}" has ${cells.length} cells, expected ${names.length}`);
    return Object.fromEntries(names.map((n, i) => [n, cells[i]]));
  });
}

const TYPE_BY_PREFIX: Record<string, TownshipType> = { 街道: 'subdistrict', 镇: 'town', 乡: 'township' };

/** Loads boundary, official township/community lists and approximate places; throws with the path to fix. */
export function readRaw(dir = RAW_DIR): RawData {
  if (!fs.existsSync(dir)) {
    throw new Error(`raw data not found at ${dir}: check out ../shared beside this repo or set YUHU_RAW_DIR`);
  }
  const boundary = JSON.parse(fs.readFileSync(path.join(dir, 'yuhu_430302_boundary_wgs84.geojson'), 'utf8'));
  const feature = boundary.features[0];
  if (feature.geometry.type !== 'MultiPolygon' || feature.properties.adcode !== '430302') {
    throw new Error(
      'yuhu_430302_boundary_wgs84.geojson: expected one MultiPolygon feature with adcode 430302',
    );
  }
  const townships = readCsv(path.join(dir, 'yuhu_townships_nbs2023.csv')).map((r) => ({
    code: r.code9,
    name: r.name,
    type: TYPE_BY_PREFIX[r.type.split(' ')[0]],
  }));
  const communities = readCsv(path.join(dir, 'yuhu_villages_nbs2023.csv')).map((r) => ({
    code: r.code12,
    name: r.name_short,
    type: r.type as 'community' | 'village',
    townshipCode: r.township_code9,
  }));
  const pois = JSON.parse(fs.readFileSync(path.join(dir, 'yuhu_pois_approx_wgs84.geojson'), 'utf8'));
  const places = pois.features.map(
    (f: { properties: Record<string, unknown>; geometry: { coordinates: Position } }) => ({
      name: String(f.properties.name).split(' (')[0],
      position: f.geometry.coordinates,
      uncertaintyM: Number(f.properties.uncertainty_m),
    }),
  );
  return {
    district: feature.geometry,
    districtSource: feature.properties.source,
    townships,
    communities,
    places,
  };
}
