// Validity and shared-vertex topology of the shipped polygons, checked with the core functions and TopoJSON.
import type { Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { describe, expect, it } from 'vitest';
import { lineKm } from '../../core/geography/geom';
import { findTJunctions } from '../../core/geography/topology';
import { checkValidity, polygonViolations } from '../../core/geography/validity';
import { type BlockCollection, copy, outerRing, round6, rules, sharedEdge, shipped } from './helpers';

const byId = (f: { properties: { id: string } }) => f.properties.id;

describe('shipped geometry', () => {
  it('is valid in every layer (closed, ≤ 6 decimals, CCW shells, no self-intersection)', () => {
    const f = shipped();
    expect(polygonViolations('district', f.district.features[0].geometry)).toEqual([]);
    expect(checkValidity(f.townships.features, (x) => x.properties.code)).toEqual([]);
    expect(checkValidity(f.communities.features, (x) => x.properties.code)).toEqual([]);
    expect(checkValidity(f.blocks.features, byId)).toEqual([]);
  });

  it('has no T-junctions between blocks, communities or townships', () => {
    const f = shipped();
    expect(findTJunctions(f.blocks.features, byId)).toEqual([]);
    expect(findTJunctions(f.communities.features, (x) => x.properties.code)).toEqual([]);
    expect(findTJunctions(f.townships.features, (x) => x.properties.code)).toEqual([]);
  });

  it('keeps the district in 6 parts (main body and 5 exclaves), all covered by blocks', () => {
    expect(shipped().district.features[0].geometry.type).toBe('MultiPolygon');
    expect((shipped().district.features[0].geometry as { coordinates: unknown[] }).coordinates).toHaveLength(
      6,
    );
  });
});

/** Length (km) of TopoJSON arcs used by only one block: with shared vertices that is the district outline. */
function outlineArcsKm(blocks: BlockCollection): number {
  const topo = topology({ blocks }) as {
    arcs: number[][][];
    objects: { blocks: { geometries: { arcs: number[][] }[] } };
  };
  const uses = new Map<number, number>();
  for (const g of topo.objects.blocks.geometries) {
    for (const ring of g.arcs)
      for (const a of ring) uses.set(a < 0 ? ~a : a, (uses.get(a < 0 ? ~a : a) ?? 0) + 1);
  }
  let km = 0;
  topo.arcs.forEach((arc, i) => {
    if (uses.get(i) === 1) km += lineKm(arc);
  });
  return km;
}

describe('TopoJSON conversion', () => {
  it('finds shared arcs: only the district outline is used by a single block', () => {
    const outline = (shipped().district.features[0].geometry as { coordinates: number[][][][] }).coordinates
      .map((p) => lineKm(p[0]))
      .reduce((s, v) => s + v, 0);
    expect(outlineArcsKm(shipped().blocks)).toBeCloseTo(outline, 1);
  });

  it('stops sharing an arc once a T-junction is introduced', () => {
    const blocks = copy(shipped().blocks);
    const { a, i } = sharedEdge(blocks);
    const ring = outerRing(blocks.features[a]);
    const mid = [round6((ring[i][0] + ring[i + 1][0]) / 2), round6((ring[i][1] + ring[i + 1][1]) / 2)];
    ring.splice(i + 1, 0, mid);
    expect(outlineArcsKm(blocks)).toBeGreaterThan(outlineArcsKm(shipped().blocks) + 0.01);
  });
});

describe('the checkers catch', () => {
  it('a T-junction: a vertex inserted into one side of a shared edge only', () => {
    const blocks = copy(shipped().blocks);
    const { a, b, i } = sharedEdge(blocks);
    const ring = outerRing(blocks.features[a]);
    const mid = [round6((ring[i][0] + ring[i + 1][0]) / 2), round6((ring[i][1] + ring[i + 1][1]) / 2)];
    ring.splice(i + 1, 0, mid);
    const v = findTJunctions(blocks.features, byId);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ rule: 't_junction', feature: blocks.features[b].properties.id });
    expect(v[0].numbers?.distance_m).toBeLessThan(0.1);
  });

  it('a self-intersecting (bow-tie) ring', () => {
    const blocks = copy(shipped().blocks);
    const ring = outerRing(blocks.features[10]);
    [ring[1], ring[2]] = [ring[2], ring[1]];
    expect(rules(checkValidity(blocks.features, byId))).toEqual(['geometry_valid']);
    expect(checkValidity(blocks.features, byId).some((x) => x.message.includes('self-intersection'))).toBe(
      true,
    );
  });

  it('a clockwise shell, an open ring, a repeated vertex and a 7th decimal', () => {
    const blocks = copy(shipped().blocks);
    const [cw, open, repeated, precise] = blocks.features.slice(0, 4);
    (cw.geometry as Polygon).coordinates[0].reverse();
    outerRing(open).pop();
    outerRing(repeated).splice(1, 0, [...outerRing(repeated)[1]]);
    outerRing(precise)[1] = [outerRing(precise)[1][0] + 3e-7, outerRing(precise)[1][1]];
    const messages = checkValidity([cw, open, repeated, precise], byId).map(
      (x) => `${x.feature} ${x.message}`,
    );
    expect(messages.find((m) => m.startsWith(cw.properties.id))).toMatch(/clockwise/);
    expect(messages.find((m) => m.startsWith(open.properties.id))).toMatch(/not closed/);
    expect(messages.find((m) => m.startsWith(repeated.properties.id))).toMatch(/repeats vertex/);
    expect(messages.find((m) => m.startsWith(precise.properties.id))).toMatch(/more than 6 decimals/);
  });
});
