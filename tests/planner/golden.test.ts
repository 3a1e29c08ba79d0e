// Golden files: one edit of each kind on the synthetic grid, compared with tests/planner/fixtures/out (REGEN=1 rewrites).
import fs from 'node:fs';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { BlockFeature } from '../../core/blocks/generation';
import { type Coverage, coverageFromBlocks } from '../../core/planner/coverage';
import { applyEdit } from '../../core/planner/edits';
import type { EditOp } from '../../core/planner/ops';
import { type Pt, pos, ring } from './helpers/random-edits';
import { cellId, syntheticCoverage } from './helpers/synthetic';

const DIR = new URL('./fixtures/', import.meta.url);
const SOURCE =
  'tests/planner/helpers/synthetic.ts syntheticCoverage() — 6 × 5 jittered grid, seed 7, synthetic';
const FILL: Record<string, string> = {
  '430302001001': '#8dd3c7',
  '430302001002': '#fdb462',
  '430302002001': '#bebada',
};
const regen = process.env.REGEN === '1';

/** The input coverage, read from the fixture (written from the generator on REGEN=1). */
function input(): Coverage {
  const file = new URL('in/coverage.geojson', DIR);
  if (regen) write(file, collection(syntheticCoverage().coverage.blocks, new Set(), []));
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as FeatureCollection;
  const blocks = parsed.features.map((f) => {
    const {
      fill: _f,
      'fill-opacity': _o,
      stroke: _s,
      'stroke-width': _w,
      ...properties
    } = f.properties ?? {};
    return { ...f, properties } as BlockFeature;
  });
  return coverageFromBlocks(blocks);
}

/** Blocks with simplestyle colours (fill by community, red outline for touched blocks) and the edit drawn in blue. */
function collection(blocks: readonly BlockFeature[], touched: ReadonlySet<string>, extra: Feature[]): object {
  return {
    type: 'FeatureCollection',
    source: SOURCE,
    features: [
      ...blocks.map((b) => ({
        ...b,
        properties: {
          ...b.properties,
          fill: FILL[b.properties.community_code] ?? '#cccccc',
          'fill-opacity': 0.6,
          stroke: touched.has(b.properties.id) ? '#e41a1c' : '#555555',
          'stroke-width': touched.has(b.properties.id) ? 3 : 1,
        },
      })),
      ...extra,
    ],
  };
}

function write(file: URL, value: object): void {
  fs.mkdirSync(new URL('.', file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value)}\n`);
}

const coverage = input();
const corner = (i: number, j: number, k: number): Pt =>
  ring(coverage.blocks.find((b) => b.properties.id === cellId(i, j)) as BlockFeature)[k];
const [sw, ne] = [corner(1, 1, 0), corner(1, 1, 4)];
const midX = Math.round((sw[0] + ne[0]) / 2);
const CASES: Record<string, EditOp> = {
  'move-vertex': { op: 'move_vertex', from: pos(corner(1, 1, 4)), to: pos([ne[0] + 60, ne[1] - 40]) },
  'split-block': {
    op: 'split_block',
    block: cellId(1, 1),
    line: [
      [midX, sw[1] - 500],
      [midX + 120, Math.round((sw[1] + ne[1]) / 2)],
      [midX, ne[1] + 500],
    ].map(pos),
  },
  'merge-blocks': { op: 'merge_blocks', blocks: [cellId(0, 0), cellId(1, 0)] },
  'reshape-edge': {
    op: 'reshape_edge',
    blocks: [cellId(0, 0), cellId(1, 0)],
    line: [corner(0, 0, 2), [corner(0, 0, 3)[0] + 200, corner(0, 0, 3)[1] + 100], corner(0, 0, 4)].map(pos),
  },
  'reassign-block': { op: 'reassign_block', block: cellId(3, 0), community: '430302002001' },
};

/** The edit itself as a feature: a blue line (split, reshape) or the moved corner as a point. */
function drawn(op: EditOp): Feature[] {
  const style = { stroke: '#377eb8', 'stroke-width': 2, 'marker-color': '#377eb8', op: op.op };
  if (op.op === 'split_block' || op.op === 'reshape_edge')
    return [{ type: 'Feature', properties: style, geometry: { type: 'LineString', coordinates: op.line } }];
  if (op.op === 'move_vertex')
    return [
      { type: 'Feature', properties: style, geometry: { type: 'LineString', coordinates: [op.from, op.to] } },
    ];
  return [];
}

describe('golden edits on the synthetic grid', () => {
  for (const [name, op] of Object.entries(CASES)) {
    it(`${name} matches fixtures/out/${name}.geojson`, () => {
      const result = applyEdit(coverage, op);
      const touched = new Set([...result.changed, ...result.added]);
      const actual = JSON.parse(JSON.stringify(collection(result.coverage.blocks, touched, drawn(op))));
      const file = new URL(`out/${name}.geojson`, DIR);
      if (regen) write(file, actual);
      expect(fs.existsSync(file), `missing ${file.pathname}: run REGEN=1 npx vitest run tests/planner`).toBe(
        true,
      );
      expect(actual).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
    });
  }
});
