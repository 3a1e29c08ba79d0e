// `npx tsx scripts/boundaries-export.ts --generation N --format geojson|topojson|shapefile-geojson|shapefile [--out file]`:
// a generation's blocks (published or draft) as a file, or on stdout.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { BlockFeature } from '../core/blocks/generation.js';
import { DomainError, NotFoundError } from '../core/errors.js';
import { loadConfig } from '../functions/config.js';
import { buildRuntime, type Runtime } from '../functions/runtime.js';
import { createBoundaryStore } from '../functions/store/boundary-store.js';
import { EXPORT_FORMATS, type ExportFormat, exportBlocks, writeShapefile } from './lib/boundaries-io.js';

/** The blocks of generation `g` (default: the current one), sorted by id, and the generation's number. */
export async function loadGenerationBlocks(
  runtime: Runtime,
  g?: number,
): Promise<{ generation: number; status: string; blocks: BlockFeature[] }> {
  const store = createBoundaryStore(runtime.clients.doc, runtime.services.config.TABLE_NAME);
  const generation = g ?? (await store.currentGeneration());
  if (generation === null)
    throw new DomainError('NO_BOUNDARIES', 'no generation is current yet; run npm run seed', 503);
  const meta = await store.getGeneration(generation);
  if (!meta || meta.status === 'discarded') throw new NotFoundError('generation', String(generation));
  const set = await store.loadBoundaries(generation);
  const blocks = set.blocks.sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1));
  return { generation, status: meta.status, blocks };
}

const USAGE = `usage: npm run boundaries:export -- [--generation N] [--format geojson|topojson|shapefile-geojson|shapefile] [--out file]
  --generation N   any published or draft generation (default: the current one)
  --format         geojson (default), topojson, shapefile-geojson (flat ≤ 10-character fields), shapefile (.shp + sidecars; needs --out x.shp)
  --out file       write here instead of stdout`;

async function main() {
  const { values } = parseArgs({
    options: {
      generation: { type: 'string' },
      format: { type: 'string', default: 'geojson' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const format = values.format as ExportFormat;
  const g = values.generation === undefined ? undefined : Number(values.generation);
  const bad =
    !EXPORT_FORMATS.includes(format) ||
    (g !== undefined && !(Number.isInteger(g) && g > 0)) ||
    (format === 'shapefile' && !values.out?.toLowerCase().endsWith('.shp'));
  if (values.help || bad) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 1);
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const runtime = buildRuntime(loadConfig());
  try {
    const { generation, status, blocks } = await loadGenerationBlocks(runtime, g);
    let written: string[];
    if (format === 'shapefile') written = await writeShapefile(blocks, values.out!);
    else {
      const body = exportBlocks(blocks, format);
      if (!values.out) {
        process.stdout.write(`${body}\n`);
        return;
      }
      await mkdir(dirname(values.out), { recursive: true });
      await writeFile(values.out, `${body}\n`);
      written = [values.out];
    }
    console.error(
      `[export] generation ${generation} (${status}): ${blocks.length} blocks as ${format} → ${written.join(', ')}`,
    );
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(`[export] ${error.code}: ${error.message}`);
    process.exitCode = 1;
  } finally {
    runtime.clients.raw.destroy();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
