// Benchmark: what the overlap checks (border crossings, corner overlaps) add to publish validation.
//
// Run: npm run bench:publish-checks [repetitions]
// On the shipped 667 blocks; baseline in the same run: the whole publish validation (validateCoverage),
// which includes the two checks. Prints first-call and warm (median) times and their ratio.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import type { BlockFeature, CommunityFeature, TownshipFeature } from '../core/blocks/generation';
import { findCornerOverlaps } from '../core/geography/corner-overlaps';
import { findBorderCrossings } from '../core/geography/crossings';
import { coverageFromBlocks, rolesByBlock } from '../core/planner/coverage';
import { validateCoverage } from '../core/planner/validate-coverage';
import { machineHeader, median, timed } from './lib/report';

const REPS = Number(process.argv[2] ?? 9);
const read = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'data', 'geojson', name), 'utf8'));

const blocks: BlockFeature[] = read('blocks.geojson').features;
const communities: CommunityFeature[] = read('communities.geojson').features;
const townships: TownshipFeature[] = read('townships.geojson').features;
const district = read('district.geojson').features[0].geometry as Polygon | MultiPolygon;
const coverage = coverageFromBlocks(blocks, rolesByBlock(read('cadres.json').assignments));
const id = (f: { properties: { id: string } }) => f.properties.id;

console.log(machineHeader('publish checks: overlap rules vs the whole publish validation'));
const overlaps = () => [...findBorderCrossings(blocks, id), ...findCornerOverlaps(blocks, id)].length;
const validate = () => validateCoverage(coverage, district, { communities, townships }).length;

const firstOverlaps = timed(overlaps);
const firstValidate = timed(validate);
const warmOverlaps = median(Array.from({ length: REPS }, () => timed(overlaps).ms));
const warmValidate = median(Array.from({ length: REPS }, () => timed(validate).ms));
const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)} %`;
console.log(
  `  overlap checks    first ${firstOverlaps.ms.toFixed(1)} ms, warm ${warmOverlaps.toFixed(1)} ms`,
);
console.log(
  `  validateCoverage  first ${firstValidate.ms.toFixed(1)} ms, warm ${warmValidate.toFixed(1)} ms`,
);
console.log(
  `bench:publish-checks: overlap checks are ${pct(warmOverlaps, warmValidate)} of publish validation warm ` +
    `(${pct(firstOverlaps.ms, firstValidate.ms)} first), ${firstOverlaps.value + firstValidate.value} violations on the shipped blocks`,
);
