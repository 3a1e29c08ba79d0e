// Import of surveyed boundaries: cleaning real-world dirt, attribute mapping, file formats, export, and the
// end-to-end path import → draft → publish refused while problems remain → fixed → published.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlockFeature, CommunityFeature, TownshipFeature } from '../../core/blocks/generation';
import { fromWgs84 } from '../../core/geo/crs';
import { checkCoverage } from '../../core/geography/coverage';
import { M_PER_DEG_LAT, M_PER_DEG_LON, pointInPolygon } from '../../core/geography/geom';
import { findTJunctions } from '../../core/geography/topology';
import { checkValidity } from '../../core/geography/validity';
import { coverageFromBlocks, rolesByBlock } from '../../core/planner/coverage';
import { mapAttributes } from '../../core/planner/import/attributes';
import { cleanCoverage } from '../../core/planner/import/clean';
import { checkCoordinates, toWgs84Features } from '../../core/planner/import/coordinates';
import { SHAPEFILE_FIELDS } from '../../core/planner/import/fields';
import { measureProblems } from '../../core/planner/import/measure';
import { type ImportMode, type ImportPlan, planImport } from '../../core/planner/import/plan';
import { validateCoverage } from '../../core/planner/validate-coverage';
import { issueToken } from '../../functions/http/auth.js';
import { loadGenerationBlocks } from '../../scripts/boundaries-export.js';
import { importBoundaries } from '../../scripts/boundaries-import.js';
import { exportBlocks, readFeatureFile, writeShapefile } from '../../scripts/lib/boundaries-io.js';
import { createSeededStack } from '../helpers/store.js';

const read = (name: string) =>
  JSON.parse(fs.readFileSync(new URL(`../../data/geojson/${name}`, import.meta.url), 'utf8'));
const blocks: BlockFeature[] = read('blocks.geojson').features;
const communities: CommunityFeature[] = read('communities.geojson').features;
const townships: TownshipFeature[] = read('townships.geojson').features;
const district = read('district.geojson').features[0].geometry as Polygon | MultiPolygon;
const cadres = read('cadres.json');
const COMMUNITY = '430302008003'; // 湘大社区: the fixtures' 9 blocks
const ours = blocks.filter((b) => b.properties.community_code === COMMUNITY);
const others = blocks.filter((b) => b.properties.community_code !== COMMUNITY);
const FIXTURES = new URL('../fixtures/import/', import.meta.url);
const fixture = (name: string) => path.join(FIXTURES.pathname, 'in', name);
const regen = process.env.REGEN === '1';
const idOf = (b: { properties: { id: string } }) => b.properties.id;
const base = { blocks, communities, assignments: cadres.assignments, retiredIds: [], district };

function plan(features: readonly Feature[], mode: ImportMode = 'patch', snapM = 1): ImportPlan {
  return planImport(features, base, { mode, snapM, generation: 2, source: 'test', crs: 'wgs84' });
}

/** Metres between two lon/lat points (local approximation, as the engine measures). */
const metres = (a: Position, b: Position) =>
  Math.hypot((a[0] - b[0]) * M_PER_DEG_LON, (a[1] - b[1]) * M_PER_DEG_LAT);

/** The golden file: cleaned blocks (simplestyle), problems as red points, the report as a foreign member. */
function golden(name: string, result: ImportPlan) {
  const neighbours = new Set(result.report.changed_neighbours);
  const features = result.blocks
    .filter((b) => b.properties.community_code === COMMUNITY || neighbours.has(idOf(b)))
    .map((b) => ({
      ...b,
      properties: {
        ...b.properties,
        stroke: '#555555',
        fill: neighbours.has(idOf(b)) ? '#fdb462' : '#8dd3c7',
      },
    }));
  const point = (problem: string, p: { at: number[]; area_m2: number }) => ({
    type: 'Feature',
    properties: { problem, area_m2: p.area_m2, 'marker-color': '#e41a1c' },
    geometry: { type: 'Point', coordinates: p.at },
  });
  const points = [
    ...result.report.gaps.map((p) => point('gap', p)),
    ...result.report.overlaps.map((p) => point('overlap', p)),
  ];
  const body = `${JSON.stringify(
    {
      type: 'FeatureCollection',
      source: `tests/fixtures/import/in/${name} cleaned by planImport (patch, snap 1 m) against data/geojson/blocks.geojson`,
      report: result.report,
      features: [...features, ...points],
    },
    null,
    1,
  )}\n`;
  const file = new URL(`out/${name}`, FIXTURES);
  if (regen) {
    fs.mkdirSync(new URL('out/', FIXTURES), { recursive: true });
    fs.writeFileSync(file, body);
  }
  expect(body).toBe(fs.readFileSync(file, 'utf8'));
}

/** Every geometry rule a published generation must meet, on the draft's blocks. */
function expectCleanCoverage(draft: readonly BlockFeature[]) {
  expect(checkValidity(draft, idOf)).toEqual([]);
  expect(findTJunctions(draft, idOf)).toEqual([]);
  expect(checkCoverage(draft as BlockFeature[], district, idOf)).toEqual([]);
}

/** Blocks with each ring started at its smallest corner: equal shapes compare equal whatever the start. */
function canonical(list: readonly BlockFeature[]) {
  return list.map((b) => {
    const ring = (b.geometry.coordinates[0] as Position[]).slice(0, -1);
    const start = ring.reduce(
      (best, p, i) => (p[0] < ring[best][0] || (p[0] === ring[best][0] && p[1] < ring[best][1]) ? i : best),
      0,
    );
    const rotated = [...ring.slice(start), ...ring.slice(0, start)];
    return { ...b, geometry: { type: 'Polygon', coordinates: [[...rotated, rotated[0]]] } };
  });
}

const fixtureFeatures = (name: string) =>
  (JSON.parse(fs.readFileSync(fixture(name), 'utf8')) as FeatureCollection).features;

describe('cleaning survey dirt', () => {
  it('snaps 0.5 m gaps and overlaps, T-junctions, a repeated corner and a clockwise ring into a clean coverage', () => {
    // As surveyed, the file is far from publishable: T-junctions everywhere, > 10 m² of overlaps.
    const raw = mapAttributes(fixtureFeatures('xiangda-dirty.geojson'), {
      communities,
      baseBlocks: blocks,
      retiredIds: [],
      generation: 2,
    }).blocks;
    expect(findTJunctions([...raw, ...others], idOf).length).toBeGreaterThan(20);
    const before = measureProblems(raw, others, district, { minAreaM2: 1, minWidthM: 0.1 });
    expect(before.overlaps.reduce((sum, o) => sum + o.area_m2, 0)).toBeGreaterThan(10);
    expect(before.gaps.length).toBeGreaterThan(0);

    const result = plan(fixtureFeatures('xiangda-dirty.geojson'));
    const r = result.report;
    expect(r.errors).toEqual([]);
    expect({ gaps: r.gaps, overlaps: r.overlaps, outside: r.outside, invalid: r.invalid }).toEqual({
      gaps: [],
      overlaps: [],
      outside: [],
      invalid: [],
    });
    expect(r).toMatchObject({ blocks: 9, replaced: 9, kept: 658, removed_vertices: 1, reoriented_rings: 1 });
    expect(r.snapped_vertices).toBeGreaterThan(40);
    // D6 inside the community (into block 08) and D7 on its border (into the kept neighbour).
    expect(r.inserted_vertices).toBe(2);
    expect(r.changed_neighbours).toEqual(['YH-430302001001-05']);
    expect(result.blocks).toHaveLength(667);
    expectCleanCoverage(result.blocks);
    // The outline of the community still meets the kept blocks corner for corner: the only kept block
    // that changed gained one corner on its existing line (within 0.08 m).
    const kept = new Map(others.map((b) => [idOf(b), b]));
    const changed = result.blocks.filter((b) => kept.has(idOf(b)) && kept.get(idOf(b)) !== b);
    expect(changed.map(idOf)).toEqual(['YH-430302001001-05']);
    expect(
      Math.abs(changed[0].properties.area_m2 - kept.get(idOf(changed[0]))!.properties.area_m2),
    ).toBeLessThan(20);
    golden('xiangda-dirty.geojson', result);
  });

  it('reports a 5 m displaced corner as a gap and an overlap at their places, and publishing refuses it', () => {
    const result = plan(fixtureFeatures('xiangda-5m.geojson'));
    const { gaps, overlaps } = result.report;
    const corner = [112.9041, 27.89077]; // the corner of 06, 08 and 09 that block 08 has 5 m off
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0].blocks).toEqual(['YH-430302008003-08', 'YH-430302008003-09']);
    expect(overlaps[0].area_m2).toBeGreaterThan(500);
    expect(gaps).toHaveLength(1);
    expect(gaps[0].blocks).toEqual(expect.arrayContaining(['YH-430302008003-06', 'YH-430302008003-08']));
    for (const p of [...gaps, ...overlaps]) expect(metres(p.at, corner)).toBeLessThan(250);
    const at = (id: string) => result.blocks.find((b) => idOf(b) === id)!.geometry;
    // The overlap's point lies in both blocks, the gap's point in none.
    expect(pointInPolygon(overlaps[0].at, at('YH-430302008003-08'))).toBe(true);
    expect(pointInPolygon(overlaps[0].at, at('YH-430302008003-09'))).toBe(true);
    expect(result.blocks.filter((b) => pointInPolygon(gaps[0].at, b.geometry))).toEqual([]);
    const violations = validateCoverage(
      coverageFromBlocks(result.blocks, rolesByBlock(result.assignments), result.retiredIds),
      district,
      { communities, townships },
    );
    expect(violations.map((v) => v.rule)).toContain('overlap');
    golden('xiangda-5m.geojson', result);
  });

  it('refuses to publish a 2 m × 4 m bulge into a kept neighbour, though it is under the 10 m² total', () => {
    const result = plan(fixtureFeatures('xiangda-bulge.geojson'));
    const { gaps, overlaps } = result.report;
    expect(gaps).toEqual([]);
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0].blocks).toEqual(['YH-430302001001-05', 'YH-430302008003-09']);
    expect(overlaps[0].area_m2).toBeGreaterThan(6);
    expect(overlaps[0].area_m2).toBeLessThan(10);
    const violations = validateCoverage(
      coverageFromBlocks(result.blocks, rolesByBlock(result.assignments), result.retiredIds),
      district,
      { communities, townships },
    );
    // Not the total-area rule: the borders running into each other from the bulge's corners.
    expect(violations.map((v) => v.rule)).not.toContain('overlap');
    const found = violations.filter((v) => v.rule.startsWith('overlap_'));
    expect(found.length).toBeGreaterThan(0);
    for (const v of found) {
      expect(v.message).toContain('YH-430302001001-05');
      expect(v.message).toContain('YH-430302008003-09');
      expect(metres([v.numbers!.lon, v.numbers!.lat], overlaps[0].at)).toBeLessThan(5);
    }
    // Everything else is as clean as the small-dirt survey: only block 10's missing cadres remain.
    expect(violations.filter((v) => !v.rule.startsWith('overlap_')).map((v) => v.rule)).toEqual([
      'assignment',
    ]);
    golden('xiangda-bulge.geojson', result);
  });

  it('reports a pure 3 m gap (no overlap) with its location', () => {
    const pulled = structuredClone(ours);
    const six = pulled.find((b) => idOf(b).endsWith('-06'))!;
    for (const p of six.geometry.coordinates[0] as Position[])
      if (['112.90224,27.89313', '112.9041,27.89077'].includes(p.join())) p[1] += 3 / M_PER_DEG_LAT;
    const result = plan(pulled);
    const { gaps, overlaps } = result.report;
    expect(overlaps).toEqual([]);
    expect(gaps).toHaveLength(1);
    expect(gaps[0].area_m2).toBeGreaterThan(300);
    expect(gaps[0].width_m).toBeGreaterThan(1);
    expect(blocks.filter((b) => pointInPolygon(gaps[0].at, b.geometry)).map(idOf)).toEqual(
      expect.arrayContaining(['YH-430302008003-06']),
    );
    // Far below 0.01 % of the district, yet publishing refuses it, at the place the import report gives.
    const violations = validateCoverage(
      coverageFromBlocks(result.blocks, rolesByBlock(result.assignments), result.retiredIds),
      district,
      { communities, townships },
    );
    const gap = violations.filter((v) => v.rule === 'coverage_gap');
    expect(gap).toHaveLength(1);
    expect(gap[0].numbers).toMatchObject({ lon: gaps[0].at[0], lat: gaps[0].at[1] });
    expect(gap[0].numbers!.area_m2).toBeCloseTo(gaps[0].area_m2, 0);
    expect(gap[0].message).toContain(JSON.stringify(gaps[0].at));
    expect(violations.map((v) => v.rule)).not.toContain('coverage');
  });

  it('leaves the shipped coverage exactly as it is (full mode, all 667 blocks)', () => {
    const result = plan(blocks, 'full');
    expect(result.report).toMatchObject({
      snapped_vertices: 0,
      inserted_vertices: 0,
      removed_vertices: 0,
      gaps: [],
      overlaps: [],
      outside: [],
      invalid: [],
    });
    expect(result.blocks.map((b) => b.geometry)).toEqual(blocks.map((b) => b.geometry));
  });

  it('turns a whole-district survey with ±15 cm noise on every corner into a publishable coverage', () => {
    let seed = 7;
    const noise = () => {
      seed = (seed * 16_807) % 2_147_483_647;
      return (seed / 2_147_483_647 - 0.5) * 0.3;
    };
    const survey = blocks.map((b) => {
      const ring = (b.geometry.coordinates[0] as Position[])
        .slice(0, -1)
        .map((p) => [p[0] + noise() / M_PER_DEG_LON, p[1] + noise() / M_PER_DEG_LAT]);
      return {
        type: 'Feature' as const,
        properties: { BLOCK_ID: b.properties.id, POP: b.properties.population_est },
        geometry: { type: 'Polygon' as const, coordinates: [[...ring, ring[0]]] },
      };
    });
    const result = plan(survey, 'full');
    expect(result.report.snapped_vertices).toBeGreaterThan(3000);
    expect(result.report).toMatchObject({ gaps: [], overlaps: [], outside: [], invalid: [], renamed: [] });
    const coverage = coverageFromBlocks(result.blocks, rolesByBlock(result.assignments), result.retiredIds);
    expect(validateCoverage(coverage, district, { communities, townships })).toEqual([]);
  });

  it('any jitter below half the tolerance, in any feature order, gives the same clean coverage', () => {
    const jitter = fc.array(
      fc.tuple(
        fc.double({ min: -0.3, max: 0.3, noNaN: true }),
        fc.double({ min: -0.3, max: 0.3, noNaN: true }),
      ),
      {
        minLength: 64,
        maxLength: 64,
      },
    );
    fc.assert(
      fc.property(jitter, fc.integer({ min: 0, max: 8 }), (moves, rotate) => {
        let k = 0;
        const dirty = ours.map((b) => {
          const ring = (b.geometry.coordinates[0] as Position[]).slice(0, -1).map((p) => {
            const [e, n] = moves[k++ % moves.length];
            return [p[0] + e / M_PER_DEG_LON, p[1] + n / M_PER_DEG_LAT];
          });
          return { ...b, geometry: { type: 'Polygon' as const, coordinates: [[...ring, ring[0]]] } };
        });
        const order = [...dirty.slice(rotate), ...dirty.slice(0, rotate)];
        const a = cleanCoverage(dirty, { district, anchors: others });
        const b = cleanCoverage(order, { district, anchors: others });
        expect(b.blocks).toEqual(a.blocks);
        expect(a.report.gaps.length + a.report.overlaps.length + a.report.invalid.length).toBe(0);
        expect(findTJunctions([...a.blocks, ...others], idOf)).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });
});

describe('attributes', () => {
  const square = (x: number): Polygon => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, 27.9],
        [x + 0.001, 27.9],
        [x + 0.001, 27.901],
        [x, 27.9],
      ],
    ],
  });
  const f = (properties: Record<string, unknown>, x = 112.9): Feature => ({
    type: 'Feature',
    properties,
    geometry: square(x),
  });
  const context = { communities, baseBlocks: blocks, retiredIds: ['YH-430302008003-10'], generation: 2 };

  it('reads common column names and gives blocks without a usable id the next free one', () => {
    const mapped = mapAttributes(
      [
        f({ BLOCK_ID: 'YH-430302008003-01', NAME: '一区', POPULATION: '1,234' }),
        f({ id: 'YH-430302008003-02', community_code: COMMUNITY, population_est: 5 }),
        f({ comm_code: COMMUNITY, pop_est: 7 }), // no id
        f({ block_id: 'B-17', COMM_CODE: COMMUNITY, population: 1 }), // malformed id
        f({ block_id: 'YH-430302008003-02', comm_code: COMMUNITY, pop_est: 2 }), // repeated in the file
        f({ community_: COMMUNITY, population: 3, synthetic: 'true' }), // Shapefile-truncated names
      ],
      context,
    );
    expect(mapped.errors).toEqual([]);
    // 10 is retired, so new ids start at 11.
    expect(mapped.blocks.map(idOf)).toEqual([
      'YH-430302008003-01',
      'YH-430302008003-02',
      'YH-430302008003-11',
      'YH-430302008003-12',
      'YH-430302008003-13',
      'YH-430302008003-14',
    ]);
    expect(mapped.renamed.map((r) => r.reason)).toEqual([
      'no block id',
      'malformed block id',
      'id repeated in the file',
      'no block id',
    ]);
    expect(mapped.blocks[0].properties).toMatchObject({
      name: '一区',
      population_est: 1234,
      community_name: '湘大社区',
      township_code: '430302008',
      township_name: '先锋街道',
      generation: 2,
      synthetic: false,
    });
    expect(mapped.blocks[2].properties.name).toBe('湘大社区第11区块');
    expect(mapped.blocks[5].properties.synthetic).toBe(true);
  });

  it('refuses features it cannot place, saying what to add', () => {
    const mapped = mapAttributes(
      [
        f({ NAME: 'no id, no community' }),
        f({ comm_code: '999999999999' }),
        f({ block_id: 'YH-430302008003-01', comm_code: '430302008001' }),
        {
          type: 'Feature',
          properties: { comm_code: COMMUNITY },
          geometry: { type: 'Point', coordinates: [112.9, 27.9] },
        },
      ],
      context,
    );
    expect(mapped.blocks).toEqual([]);
    expect(mapped.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/neither a block id .* nor a community code; add a block_id or comm_code column/),
      expect.stringMatching(/999999999999 is not one of the district's 135 communities/),
      expect.stringMatching(/belongs to community 430302008003 but the community column says 430302008001/),
      expect.stringMatching(/geometry is Point/),
    ]);
    expect(plan([f({ NAME: 'x' })]).report.errors).toHaveLength(1);
  });
});

describe('coordinates', () => {
  const box = [112.6, 27.8, 113.0, 28.1] as const;
  const at = (x: number, y: number): Feature => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'Point', coordinates: [x, y] },
  });

  it('refuses projected metres and swapped axes, with what to do', () => {
    expect(() => checkCoordinates([at(38_512_345, 3_087_654)], box)).toThrow(
      /projected .* mapshaper .* -proj wgs84/,
    );
    expect(() => checkCoordinates([at(27.9, 112.9)], box)).toThrow(/longitude and latitude look swapped/);
    expect(() => checkCoordinates([at(112.9, 27.9)], box)).not.toThrow();
  });

  it('converts GCJ-02 (--crs gcj02) back to WGS84 before cleaning', () => {
    const gcj = ours.map((b) => ({
      ...b,
      geometry: {
        type: 'Polygon' as const,
        coordinates: [(b.geometry.coordinates[0] as Position[]).map((p) => fromWgs84(p[0], p[1], 'gcj02'))],
      },
    }));
    expect(plan(gcj).report.overlaps.length).toBeGreaterThan(0); // ~500 m off: nonsense as WGS84
    const result = plan(toWgs84Features(gcj, 'gcj02'));
    expect(result.report).toMatchObject({ gaps: [], overlaps: [], invalid: [] });
    expectCleanCoverage(result.blocks);
  });
});

describe('files', () => {
  const cleaned = (features: Feature[]) =>
    plan(features).blocks.filter((b) => b.properties.community_code === COMMUNITY);
  const fromGeojson = cleaned(fixtureFeatures('xiangda-dirty.geojson'));

  it('reads the same survey from Shapefile (.shp + .dbf, or zipped) and KML', async () => {
    const shp = await readFeatureFile(fixture('xiangda-dirty.shp'));
    const zip = await readFeatureFile(fixture('xiangda-dirty.zip'));
    const kml = await readFeatureFile(fixture('xiangda-dirty.kml'));
    expect([shp.format, zip.format, kml.format]).toEqual(['shapefile', 'shapefile', 'kml']);
    for (const file of [shp, zip, kml])
      expect(canonical(cleaned(file.features))).toEqual(canonical(fromGeojson));
  });

  it('refuses a Shapefile without its .dbf and unknown extensions', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-'));
    fs.copyFileSync(fixture('xiangda-dirty.shp'), path.join(dir, 'x.shp'));
    await expect(readFeatureFile(path.join(dir, 'x.shp'))).rejects.toThrow(/x\.dbf is missing/);
    fs.writeFileSync(path.join(dir, 'x.gpx'), '');
    await expect(readFeatureFile(path.join(dir, 'x.gpx'))).rejects.toThrow(/give a \.geojson/);
  });

  it('exports Shapefile-compatible GeoJSON, TopoJSON and a Shapefile that import back unchanged', async () => {
    const flat = JSON.parse(exportBlocks(ours, 'shapefile-geojson')) as FeatureCollection;
    for (const feature of flat.features) {
      expect(Object.keys(feature.properties ?? {}).every((k) => k.length <= 10)).toBe(true);
      expect(
        Object.values(feature.properties ?? {}).every((v) => ['string', 'number'].includes(typeof v)),
      ).toBe(true);
      expect(feature.geometry.type).toBe('Polygon');
    }
    expect(Object.keys(flat.features[0].properties ?? {})).toEqual(Object.values(SHAPEFILE_FIELDS));
    const topo = JSON.parse(exportBlocks(ours, 'topojson'));
    expect(topo.type).toBe('Topology');
    expect(topo.objects.blocks.geometries).toHaveLength(9);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-'));
    const written = await writeShapefile(ours, path.join(dir, 'xiangda.shp'));
    expect(written.map((p) => path.extname(p)).sort()).toEqual(['.cpg', '.dbf', '.prj', '.shp', '.shx']);
    const back = plan((await readFeatureFile(path.join(dir, 'xiangda.shp'))).features);
    expect(back.report).toMatchObject({
      snapped_vertices: 0,
      inserted_vertices: 0,
      renamed: [],
      gaps: [],
      overlaps: [],
    });
    const stamped = blocks.map((b) => ({
      ...b,
      properties: { ...b.properties, generation: b.properties.community_code === COMMUNITY ? 2 : 1 },
    }));
    expect(canonical(back.blocks)).toEqual(canonical(stamped));
  });
});

describe('import into the store (end to end)', () => {
  let stack: Awaited<ReturnType<typeof createSeededStack>>;
  let planner: Record<string, string>;
  beforeAll(async () => {
    stack = await createSeededStack();
    planner = {
      Authorization: `Bearer ${await issueToken(stack.config, { sub: 'p1', role: 'planner' })}`,
      'Content-Type': 'application/json',
    };
  }, 120_000);
  afterAll(() => stack.cleanup());
  const publish = (g: number, version: number) =>
    stack.app.request(`/api/generations/${g}/publish`, {
      method: 'POST',
      headers: { ...planner, 'If-Match': `"${version}"` },
    });

  it('writes a draft that cannot be published while the 5 m dirt remains; a fixed survey then publishes', async () => {
    const dry = await importBoundaries(stack.runtime, fixture('xiangda-5m.geojson'), {
      mode: 'patch',
      dryRun: true,
    });
    expect(dry.generation).toBeNull();
    const first = await importBoundaries(stack.runtime, fixture('xiangda-5m.geojson'), { mode: 'patch' });
    expect(first).toMatchObject({ generation: 2, base: 1, blocks: 667 });
    const meta = await (
      await stack.app.request(`/api/generations/${first.generation}`, { headers: planner })
    ).json();
    expect(meta).toMatchObject({ status: 'draft', base: 1, version: 1, block_count: 667 });
    expect(meta.note).toMatch(/^imported from xiangda-5m\.geojson \(patch, 9 blocks, 2 problems left\)/);
    expect(meta.import_report).toMatchObject({ gaps_total: 1, overlaps_total: 1, mode: 'patch' });
    const refused = await publish(2, 1);
    expect(refused.status).toBe(422);
    const body = await refused.json();
    expect(body.error.code).toBe('DRAFT_INVALID');
    expect(body.error.details.violations.map((v: { rule: string }) => v.rule)).toContain('overlap');

    // The surveyors fix the corner and the planner imports again: clean, but the block that came without
    // an id has no cadres yet, so publishing still refuses until an assign_cadres edit gives it some.
    const second = await importBoundaries(stack.runtime, fixture('xiangda-dirty.geojson'), { mode: 'patch' });
    expect(second.generation).toBe(3);
    expect(second.report.gaps.length + second.report.overlaps.length).toBe(0);
    const missing = await (await publish(3, 1)).json();
    expect(missing.error.details.violations).toEqual([
      expect.objectContaining({ rule: 'assignment', feature: 'YH-430302008003-10' }),
    ]);
    const old = cadres.assignments.find((a: { block_id: string }) => a.block_id === 'YH-430302008003-07');
    const edit = await stack.app.request(`/api/generations/3/edits`, {
      method: 'POST',
      headers: { ...planner, 'If-Match': '"1"' },
      body: JSON.stringify({
        op: 'assign_cadres',
        block: 'YH-430302008003-10',
        governor: old.governor,
        assistants: old.assistants,
        supervisor: old.supervisor,
      }),
    });
    expect(edit.status).toBe(200);
    expect((await publish(3, 2)).status).toBe(200);
    const exported = await loadGenerationBlocks(stack.runtime);
    expect(exported.generation).toBe(3);
    expect(exported.blocks.map(idOf)).toContain('YH-430302008003-10');
    expect(exported.blocks.map(idOf)).not.toContain('YH-430302008003-07');
    expectCleanCoverage(exported.blocks);
  }, 120_000);
});
