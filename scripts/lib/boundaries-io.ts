// Boundary files on disk: read GeoJSON, Shapefile (.shp + .dbf, or a .zip) and KML as GeoJSON features;
// write a generation's blocks as GeoJSON, TopoJSON, Shapefile-compatible GeoJSON or a real Shapefile.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { topology } from 'topojson-server';
import type { BlockFeature } from '../../core/blocks/generation.js';
import { DomainError } from '../../core/errors.js';
import { toShapefileProperties } from '../../core/planner/import/fields.js';

/** mapshaper's programmatic API (CommonJS, no type declarations): file contents in, file contents out. */
interface Mapshaper {
  applyCommands(
    commands: string,
    input: Record<string, Buffer | string>,
  ): Promise<Record<string, Buffer | string>>;
}
const mapshaper = () => createRequire(import.meta.url)('mapshaper') as Mapshaper;

export type InputFormat = 'geojson' | 'shapefile' | 'kml';

/** Runs mapshaper on in-memory files and returns the features of its GeoJSON output. */
async function viaMapshaper(input: Record<string, Buffer>, name: string): Promise<Feature[]> {
  let out: Record<string, Buffer | string>;
  try {
    out = await mapshaper().applyCommands(
      `-quiet -i ${JSON.stringify(name)} -o format=geojson out.json`,
      input,
    );
  } catch (error) {
    throw new DomainError('IMPORT_UNREADABLE', `cannot read ${name}: ${(error as Error).message}`, 422);
  }
  const json = Object.entries(out).find(([k]) => k.endsWith('.json'))?.[1];
  if (json === undefined) throw new DomainError('IMPORT_EMPTY', `${name} holds no layer with features`, 422);
  return (JSON.parse(String(json)) as FeatureCollection).features;
}

/** Refuses a Shapefile whose .prj names a projected system: we reproject nothing. */
function checkPrj(prj: string | undefined, file: string): void {
  if (prj && /^\s*PROJCS\[/i.test(prj)) {
    throw new DomainError(
      'IMPORT_PROJECTED',
      `${file}.prj describes a projected system (${prj.slice(8, 60)}…); reproject to WGS84 first, e.g. \`npx mapshaper ${basename(file)}.shp -proj wgs84 -o blocks.geojson\``,
      422,
    );
  }
}

/**
 * Reads a boundary file as GeoJSON features, by extension: `.geojson`/`.json` (FeatureCollection or
 * Feature), `.shp` (needs the `.dbf` beside it; `.shx`, `.prj`, `.cpg` are used when present), `.zip`
 * (a zipped Shapefile) or `.kml`/`.kmz`. Coordinates are passed through untouched.
 */
export async function readFeatureFile(path: string): Promise<{ features: Feature[]; format: InputFormat }> {
  if (!existsSync(path)) throw new DomainError('IMPORT_NO_FILE', `${path} does not exist`, 422);
  const ext = extname(path).toLowerCase();
  const name = basename(path);
  if (ext === '.geojson' || ext === '.json') {
    let parsed: FeatureCollection | Feature;
    try {
      parsed = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new DomainError(
        'IMPORT_UNREADABLE',
        `${name} is not valid JSON: ${(error as Error).message}`,
        422,
      );
    }
    if (parsed?.type === 'FeatureCollection') return { features: parsed.features, format: 'geojson' };
    if (parsed?.type === 'Feature') return { features: [parsed], format: 'geojson' };
    throw new DomainError('IMPORT_UNREADABLE', `${name} is not a GeoJSON FeatureCollection`, 422);
  }
  if (ext === '.shp') {
    const stem = path.slice(0, -ext.length);
    const sidecars: Record<string, Buffer> = { [name]: await readFile(path) };
    for (const side of ['.dbf', '.shx', '.prj', '.cpg']) {
      const file = [`${stem}${side}`, `${stem}${side.toUpperCase()}`].find(existsSync);
      if (file) sidecars[`${basename(stem)}${side}`] = await readFile(file);
      else if (side === '.dbf')
        throw new DomainError(
          'IMPORT_NO_ATTRIBUTES',
          `${basename(stem)}.dbf is missing: the block ids and community codes are in it; copy it next to ${name}`,
          422,
        );
    }
    checkPrj(sidecars[`${basename(stem)}.prj`]?.toString('utf8'), stem);
    return { features: await viaMapshaper(sidecars, name), format: 'shapefile' };
  }
  if (ext === '.zip')
    return { features: await viaMapshaper({ [name]: await readFile(path) }, name), format: 'shapefile' };
  if (ext === '.kml' || ext === '.kmz')
    return { features: await viaMapshaper({ [name]: await readFile(path) }, name), format: 'kml' };
  throw new DomainError(
    'IMPORT_FORMAT',
    `cannot read ${ext || 'files without an extension'}: give a .geojson, .json, .shp (with its .dbf), .zip or .kml file`,
    422,
  );
}

export const EXPORT_FORMATS = ['geojson', 'topojson', 'shapefile-geojson', 'shapefile'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * A generation's blocks in an export format: `geojson` as the API serves them; `topojson` with shared
 * arcs, quantised to 1e6 (as `/api/blocks.topojson`); `shapefile-geojson` with flat ≤ 10-character
 * property names (SHAPEFILE_FIELDS). Returns the file contents.
 */
export function exportBlocks(
  blocks: readonly BlockFeature[],
  format: Exclude<ExportFormat, 'shapefile'>,
): string {
  const fc = { type: 'FeatureCollection' as const, features: [...blocks] };
  if (format === 'topojson') return JSON.stringify(topology({ blocks: fc }, 1e6));
  if (format === 'shapefile-geojson')
    return JSON.stringify({
      type: 'FeatureCollection',
      features: blocks.map((b) => ({
        type: 'Feature',
        properties: toShapefileProperties(b.properties),
        geometry: b.geometry,
      })),
    });
  return JSON.stringify(fc);
}

/** Writes the blocks as a Shapefile (.shp, .shx, .dbf, .prj, .cpg) next to `out` (which ends in .shp). */
export async function writeShapefile(blocks: readonly BlockFeature[], out: string): Promise<string[]> {
  const stem = basename(out, extname(out));
  const files = await mapshaper().applyCommands(
    `-quiet -i blocks.json -o format=shapefile ${JSON.stringify(`${stem}.shp`)}`,
    {
      'blocks.json': exportBlocks(blocks, 'shapefile-geojson'),
    },
  );
  await mkdir(dirname(out), { recursive: true });
  const written: string[] = [];
  for (const [name, data] of Object.entries(files)) {
    const path = join(dirname(out), name);
    await writeFile(path, data);
    written.push(path);
  }
  return written;
}
