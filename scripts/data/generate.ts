// npm run data:generate — builds every file in data/geojson from ../shared/data/raw, deterministically.
import path from 'node:path';
import { findTJunctions } from '../../core/geography/topology';
import { formatViolation } from '../../core/geography/violation';
import { buildAssets } from './assets';
import { buildBlocks, collection, deriveCommunities, deriveTownships } from './blocks';
import { buildCadres } from './cadres';
import { assignCommunities } from './communities';
import { buildDepartments } from './departments';
import { buildIncidents } from './incidents';
import { buildCells } from './partition';
import { Random } from './random';
import { RAW_DIR, REPO_ROOT, readRaw } from './raw';
import { geojsonText, jsonLinesText, writeText } from './write';

/** Default output folder (the shipped files). */
export const OUT_DIR = path.join(REPO_ROOT, 'data/geojson');

/** Generates all files into `outDir`; `log` receives progress lines. Returns the summary line. */
export function generate(outDir: string, log: (line: string) => void = () => {}): string {
  const t0 = performance.now();
  const step = (what: string) => log(`${what} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const raw = readRaw();
  step(
    `read ${RAW_DIR}: ${raw.townships.length} townships, ${raw.communities.length} communities, ${raw.places.length} places`,
  );
  const cells = buildCells(raw.district, new Random('yuhu/partition/v1'), log);
  step(`partitioned the district into ${cells.length} cells`);
  const communityOf = assignCommunities(cells, raw, new Random('yuhu/communities/v1'), log);
  const blocks = buildBlocks(cells, communityOf, raw, new Random('yuhu/population/v1'));
  const features = blocks.map((b) => b.feature);
  const tj = findTJunctions(features, (f) => f.properties.id);
  if (tj.length > 0)
    throw new Error(`generated blocks have T-junctions:\n${tj.slice(0, 5).map(formatViolation).join('\n')}`);
  const communities = deriveCommunities(features, raw);
  const townships = deriveTownships(features, raw);
  step(`grouped blocks into ${communities.length} communities and ${townships.length} townships (dissolved)`);
  const assets = buildAssets(blocks, raw, new Random('yuhu/assets/v1'));
  const cadres = buildCadres(blocks, raw, new Random('yuhu/cadres/v1'));
  const incidents = buildIncidents(blocks, new Random('yuhu/incidents/v1'));
  step(`assets ${assets.length}, cadres ${cadres.cadres.length}, incidents ${incidents.incidents.length}`);

  const district = {
    type: 'FeatureCollection' as const,
    features: [
      {
        type: 'Feature' as const,
        properties: {
          adcode: '430302',
          name: '雨湖区',
          name_en: 'Yuhu District, Xiangtan',
          source: raw.districtSource,
          crs: 'WGS84 (converted from GCJ-02)',
        },
        geometry: raw.district,
      },
    ],
  };
  const sizes: Record<string, number> = {
    'district.geojson': writeText(outDir, 'district.geojson', geojsonText(district)),
    'townships.geojson': writeText(outDir, 'townships.geojson', geojsonText(collection(townships))),
    'communities.geojson': writeText(outDir, 'communities.geojson', geojsonText(collection(communities))),
    'blocks.geojson': writeText(outDir, 'blocks.geojson', geojsonText(collection(features))),
    'assets.geojson': writeText(outDir, 'assets.geojson', geojsonText(collection(assets))),
    'departments.json': writeText(
      outDir,
      'departments.json',
      jsonLinesText({ departments: buildDepartments() }),
    ),
    'cadres.json': writeText(outDir, 'cadres.json', jsonLinesText({ ...cadres })),
    'incidents.seed.json': writeText(outDir, 'incidents.seed.json', jsonLinesText({ ...incidents })),
  };
  for (const [name, bytes] of Object.entries(sizes))
    log(`  wrote ${path.join(outDir, name)} (${(bytes / 1024).toFixed(0)} KB)`);
  const urban = features.filter((f) => /^43030200\d$/.test(f.properties.township_code)).length;
  const people = features.reduce((s, f) => s + f.properties.population_est, 0);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  return (
    `generated ${features.length} blocks (${urban} in the 8 urban subdistricts, ${people.toLocaleString('en-US')} residents) ` +
    `in ${communities.length} communities / ${townships.length} townships, ${assets.length} assets, ` +
    `${incidents.incidents.length.toLocaleString('en-US')} incidents, ${cadres.cadres.length.toLocaleString('en-US')} cadres in ${seconds} s`
  );
}

const isMain =
  process.argv[1] &&
  path.resolve(process.argv[1]).replace(/\.ts$/, '') === path.resolve(import.meta.dirname ?? '', 'generate');
if (isMain) {
  const outFlag = process.argv.indexOf('--out');
  const outDir = outFlag > 0 ? path.resolve(process.argv[outFlag + 1]) : OUT_DIR;
  try {
    console.log(generate(outDir, console.log));
  } catch (error) {
    console.error(`data:generate failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
