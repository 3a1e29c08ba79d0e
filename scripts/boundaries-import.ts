// `npm run boundaries:import -- <file>`: surveyed block boundaries (GeoJSON, Shapefile, KML) → a cleaned draft
// generation, with a report of what was fixed and what the planner still has to fix before publishing.
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Generation } from '../core/blocks/generation.js';
import { DomainError } from '../core/errors.js';
import { CRS_VALUES, type Crs } from '../core/geo/crs.js';
import { checkCoordinates, toWgs84Features } from '../core/planner/import/coordinates.js';
import { type ImportMode, planImport } from '../core/planner/import/plan.js';
import {
  formatReport,
  type ImportReport,
  summarizeReport,
  unresolved,
} from '../core/planner/import/report.js';
import { loadConfig } from '../functions/config.js';
import { buildRuntime, type Runtime } from '../functions/runtime.js';
import { createBoundaryStore } from '../functions/store/boundary-store.js';
import { createDraftStore } from '../functions/store/draft-store.js';
import { readFeatureFile } from './lib/boundaries-io.js';

export interface ImportBoundariesOptions {
  readonly mode?: ImportMode;
  /** Snapping tolerance in metres (default 1). */
  readonly snapM?: number;
  readonly crs?: Crs;
  /** Clean and report only; write nothing. */
  readonly dryRun?: boolean;
  /** Extra words for the draft's note. */
  readonly note?: string;
  readonly progress?: (line: string) => void;
}

export interface ImportBoundariesResult {
  /** The draft written (null on a dry run or when attribute errors stopped the import). */
  readonly generation: number | null;
  readonly base: number;
  readonly blocks: number;
  readonly report: ImportReport;
}

type Box = [number, number, number, number];

function boxOf(geometry: Polygon | MultiPolygon): Box {
  const points = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).flat(2);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/**
 * Reads `file`, cleans it against the current generation and (unless `dryRun`) writes it as a new draft
 * copied from the current generation: the draft's note says it was imported, its meta item carries the
 * report as `import_report` (lists cut to 50 entries), and cadre assignments are copied for every block id
 * that survives. Attribute errors write nothing. Publishing stays subject to the usual validation.
 */
export async function importBoundaries(
  runtime: Runtime,
  file: string,
  options: ImportBoundariesOptions = {},
): Promise<ImportBoundariesResult> {
  const log = options.progress ?? (() => {});
  const table = runtime.services.config.TABLE_NAME;
  const store = createBoundaryStore(runtime.clients.doc, table);
  const drafts = createDraftStore(runtime.clients.doc, table);
  const crs = options.crs ?? 'wgs84';
  const { features, format } = await readFeatureFile(file);
  log(`read ${features.length} features from ${basename(file)} (${format})`);
  const base = await store.currentGeneration();
  if (base === null)
    throw new DomainError('NO_BOUNDARIES', `${table} has no current generation; run npm run seed first`, 503);
  const [set, assignments, retiredIds, district] = await Promise.all([
    store.loadBoundaries(base),
    drafts.assignments(base),
    drafts.retiredIds(base),
    drafts.district() as Promise<Polygon | MultiPolygon | null>,
  ]);
  checkCoordinates(features, district ? boxOf(district) : null);
  const wgs84 = toWgs84Features(features, crs);
  log(`cleaning against generation ${base} (${set.blocks.length} blocks), snap ${options.snapM ?? 1} m`);
  const plan = (generation: number) =>
    planImport(
      wgs84,
      { blocks: set.blocks, communities: set.communities, assignments, retiredIds, district },
      { mode: options.mode ?? 'full', snapM: options.snapM ?? 1, generation, source: basename(file), crs },
    );
  // The generation number is handed out only when a draft will be written (a dry run takes none).
  let result = plan(base + 1);
  const { report } = result;
  if (options.dryRun || report.errors.length)
    return { generation: null, base, blocks: result.blocks.length, report };
  const g = await drafts.nextGeneration();
  if (g !== base + 1) result = plan(g);
  const left = unresolved(result.report);
  const meta: Generation & { import_report: Record<string, unknown> } = {
    generation: g,
    status: 'draft',
    base,
    version: 1,
    created_at: new Date().toISOString(),
    published_at: null,
    block_count: result.blocks.length,
    fingerprint: '',
    note: `imported from ${basename(file)} (${result.report.mode}, ${result.report.blocks} blocks, ${left ? `${left} problems left` : 'clean'})${options.note ? `: ${options.note}` : ''}`.slice(
      0,
      200,
    ),
    import_report: summarizeReport(result.report),
  };
  await drafts.createDraft(meta, result.blocks, result.assignments, result.retiredIds);
  log(`wrote draft ${g}: ${result.blocks.length} blocks, ${result.assignments.length} cadre assignments`);
  return { generation: g, base, blocks: result.blocks.length, report: result.report };
}

const USAGE = `usage: npm run boundaries:import -- <file.geojson|.json|.shp|.zip|.kml> [options]
  --mode full|patch   full: the file is the whole district (default); patch: it replaces only its communities
  --snap <metres>     snapping tolerance (default 1)
  --crs wgs84|gcj02   coordinates of the file (GCJ-02 from Chinese web maps is converted; default wgs84)
  --dry-run           clean and report, write nothing
  --note <text>       added to the draft's note
  --report <file>     also write the whole report as JSON`;

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      mode: { type: 'string', default: 'full' },
      snap: { type: 'string', default: '1' },
      crs: { type: 'string', default: 'wgs84' },
      'dry-run': { type: 'boolean', default: false },
      note: { type: 'string' },
      report: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const snapM = Number(values.snap);
  if (
    values.help ||
    positionals.length !== 1 ||
    !['full', 'patch'].includes(values.mode) ||
    !(snapM > 0 && snapM <= 10) ||
    !CRS_VALUES.includes(values.crs as Crs)
  ) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 1);
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const runtime = buildRuntime(loadConfig());
  const started = performance.now();
  try {
    const out = await importBoundaries(runtime, positionals[0], {
      mode: values.mode as ImportMode,
      snapM,
      crs: values.crs as Crs,
      dryRun: values['dry-run'],
      note: values.note,
      progress: (line) => console.log(`[import] ${line}`),
    });
    for (const line of formatReport(out.report)) console.log(`[import] ${line}`);
    if (values.report) await writeFile(values.report, `${JSON.stringify(out.report, null, 1)}\n`);
    const left = unresolved(out.report);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (out.report.errors.length) {
      console.log(
        `[import] nothing written: ${out.report.errors.length} feature(s) lack usable attributes (${seconds} s)`,
      );
      process.exitCode = 1;
    } else if (out.generation === null) {
      console.log(
        `[import] dry run: ${out.blocks} blocks, ${left} problem(s) left, nothing written (${seconds} s)`,
      );
      process.exitCode = left ? 2 : 0;
    } else {
      console.log(
        left
          ? `[import] draft ${out.generation} (from ${out.base}): ${out.blocks} blocks, ${left} problem(s) left — fix them in the source and import again (see docs/import-export.md) (${seconds} s)`
          : `[import] draft ${out.generation} (from ${out.base}): ${out.blocks} blocks, no geometry problems left — review it (and any warnings) and publish with POST /api/generations/${out.generation}/publish (${seconds} s)`,
      );
      process.exitCode = left ? 2 : 0;
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(`[import] ${error.code}: ${error.message}`);
    process.exitCode = 1;
  } finally {
    runtime.clients.raw.destroy();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
