// npm run data:check — checks every invariant on data/geojson, then regenerates and byte-compares.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import length from '@turf/length';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { measureCoverage } from '../../core/geography/coverage';
import { checkGeography, type GeographyFiles } from '../../core/geography/invariants';
import { MIN_PIECE, pieceSize } from '../../core/geography/pieces';
import { formatViolation, type Violation } from '../../core/geography/violation';
import { generate, OUT_DIR } from './generate';
import { RAW_DIR } from './raw';

const FILES = [
  'district.geojson',
  'townships.geojson',
  'communities.geojson',
  'blocks.geojson',
  'assets.geojson',
  'departments.json',
  'cadres.json',
  'incidents.seed.json',
];

/** Reads and parses the shipped files from `dir`. */
export function loadFiles(dir: string): GeographyFiles {
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  return {
    district: read('district.geojson'),
    townships: read('townships.geojson'),
    communities: read('communities.geojson'),
    blocks: read('blocks.geojson'),
    assets: read('assets.geojson'),
    departments: read('departments.json'),
    cadres: read('cadres.json'),
    incidents: read('incidents.seed.json'),
  };
}

/** Regenerates into a temp dir and lists files whose bytes differ from `dir`. */
function regenerationDiffs(dir: string): string[] {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yuhu-regen-'));
  try {
    generate(tmp);
    return FILES.flatMap((name) => {
      const a = fs.readFileSync(path.join(dir, name));
      const b = fs.readFileSync(path.join(tmp, name));
      if (a.equals(b)) return [];
      let at = 0;
      while (at < Math.min(a.length, b.length) && a[at] === b[at]) at++;
      return [
        `${name}: committed ${a.length} bytes, regenerated ${b.length} bytes, first difference at byte ${at}`,
      ];
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function main(): void {
  const t0 = performance.now();
  const dirFlag = process.argv.indexOf('--dir');
  const dir = dirFlag > 0 ? path.resolve(process.argv[dirFlag + 1]) : OUT_DIR;
  const files = loadFiles(dir);
  const violations: Violation[] = checkGeography(files);
  for (const v of violations.slice(0, 60)) console.log(formatViolation(v));
  if (violations.length > 60) console.log(`... and ${violations.length - 60} more`);

  const blocks = files.blocks.features as Feature<Polygon | MultiPolygon>[];
  const cov = measureCoverage(blocks, files.district.features[0].geometry as Polygon | MultiPolygon);
  const diffPct = ((cov.gapM2 + cov.outsideM2) / cov.districtM2) * 100;
  const widest = Math.max(0, ...[...cov.gaps, ...cov.outside].map((p) => pieceSize(p).widthM));
  const pathFeature = files.assets?.features.find((f) => f.properties.kind === 'health_path');
  const pathKm = pathFeature ? length(pathFeature) : Number.NaN;
  const cadres = (files.cadres as { cadres: unknown[] }).cadres.length;
  const incidents = (files.incidents as { incidents: unknown[] }).incidents.length;
  console.log(
    `checked ${blocks.length} blocks / ${files.communities.features.length} communities / ${files.townships.features.length} townships: ` +
      `coverage difference ${diffPct.toFixed(5)} % (gaps ${cov.gapM2.toFixed(1)} m², outside ${cov.outsideM2.toFixed(1)} m²), ` +
      `widest sliver ${widest.toFixed(3)} m (a piece ≥ ${MIN_PIECE.widthM} m wide and ≥ ${MIN_PIECE.areaM2} m² is a real gap), ` +
      `overlap ${Math.max(0, cov.overlapM2).toFixed(2)} m², Baishi path ${pathKm.toFixed(3)} km, ${cadres} cadres, ${incidents} incidents`,
  );

  let regen: string;
  if (!fs.existsSync(RAW_DIR)) {
    regen = `regeneration check SKIPPED: ${RAW_DIR} is absent (check out ../shared beside this repo to run it)`;
  } else {
    const diffs = regenerationDiffs(dir);
    for (const d of diffs)
      violations.push({
        rule: 'regenerate',
        feature: d.split(':')[0],
        message: `not byte-identical after regenerating: ${d}`,
      });
    for (const d of diffs) console.log(`[regenerate] ${d}`);
    regen =
      diffs.length === 0
        ? `regeneration byte-identical (${FILES.length} files)`
        : `${diffs.length} files differ after regenerating`;
  }
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  if (violations.length > 0) {
    const byRule = new Map<string, number>();
    for (const v of violations) byRule.set(v.rule, (byRule.get(v.rule) ?? 0) + 1);
    const rules = [...byRule].map(([r, n]) => `${r} ×${n}`).join(', ');
    console.log(`data:check FAILED: ${violations.length} violations (${rules}); ${regen}; ${seconds} s`);
    process.exit(1);
  }
  console.log(`data:check OK: all invariants hold, 0 T-junctions; ${regen}; ${seconds} s`);
}

main();
