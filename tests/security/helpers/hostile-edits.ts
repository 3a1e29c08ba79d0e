// Planner edit operations that are well-formed (they pass the schema) but geometrically hostile:
// vertices nudged onto neighbours, self-intersecting and 10,000-point cut lines, random block pairs.
// Built on the real blocks, so a fair share of them reach the topology checks and some are accepted.
import fc from 'fast-check';

export interface BlockFeature {
  properties: { id: string; community_code: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const key = (p: number[]) => `${p[0]},${p[1]}`;

/** Hostile but schema-valid edit operations on `blocks`, with cadre ids taken from `cadreIds`. */
export function hostileEdits(
  blocks: BlockFeature[],
  cadreIds: string[],
): fc.Arbitrary<Record<string, unknown>> {
  const byVertex = new Map<string, string[]>();
  for (const b of blocks)
    for (const p of b.geometry.coordinates[0])
      byVertex.set(key(p), [...(byVertex.get(key(p)) ?? []), b.properties.id]);
  const communities = [...new Set(blocks.map((b) => b.properties.community_code))];
  const block = fc.constantFrom(...blocks);
  const ringOf = (b: BlockFeature) => b.geometry.coordinates[0];
  const nudge = (p: number[], d = 2e-4) =>
    fc
      .tuple(fc.double({ min: -d, max: d, noNaN: true }), fc.double({ min: -d, max: d, noNaN: true }))
      .map(([dx, dy]) => [round6(p[0] + dx), round6(p[1] + dy)]);
  const bbox = (b: BlockFeature) => {
    const xs = ringOf(b).map((p) => p[0]);
    const ys = ringOf(b).map((p) => p[1]);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  };
  const around = (b: BlockFeature) => {
    const [x0, y0, x1, y1] = bbox(b);
    const m = 0.3 * Math.max(x1 - x0, y1 - y0);
    return fc
      .tuple(
        fc.double({ min: x0 - m, max: x1 + m, noNaN: true }),
        fc.double({ min: y0 - m, max: y1 + m, noNaN: true }),
      )
      .map(([x, y]) => [round6(x), round6(y)]);
  };
  const lineFor = (b: BlockFeature) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.array(around(b), { minLength: 2, maxLength: 12 }) },
      {
        // a bow tie: the cut crosses itself
        weight: 2,
        arbitrary: fc.constant(bbox(b)).map(([x0, y0, x1, y1]) => [
          [x0 - 1e-4, y0 - 1e-4],
          [x1 + 1e-4, y1 + 1e-4],
          [x1 + 1e-4, y0 - 1e-4],
          [x0 - 1e-4, y1 + 1e-4],
        ]),
      },
      {
        // the longest line the schema allows: 10,000 positions zig-zagging across the block
        weight: 1,
        arbitrary: fc
          .constant(bbox(b))
          .map(([x0, y0, x1, y1]) =>
            Array.from({ length: 10_000 }, (_, i) => [
              round6(x0 - 1e-4 + ((x1 - x0 + 2e-4) * i) / 9_999),
              round6(i % 2 ? y1 + 1e-4 : y0 - 1e-4),
            ]),
          ),
      },
    );
  const edge = block.chain((b) =>
    fc.integer({ min: 0, max: ringOf(b).length - 2 }).map((i) => {
      const [v1, v2] = [ringOf(b)[i], ringOf(b)[i + 1]];
      const other = (byVertex.get(key(v1)) ?? []).find(
        (id) => id !== b.properties.id && byVertex.get(key(v2))?.includes(id),
      );
      return { a: b.properties.id, b: other ?? b.properties.id, v1, v2 };
    }),
  );
  const cadre = fc.constantFrom(...cadreIds);
  return fc.oneof(
    block.chain((b) =>
      fc
        .constantFrom(...ringOf(b))
        .chain((from) =>
          fc.tuple(
            fc.constant(from),
            fc.oneof(nudge(from), nudge(from, 1e-6), fc.constantFrom(...ringOf(b))),
          ),
        )
        .map(([from, to]) => ({ op: 'move_vertex', from, to })),
    ),
    block.chain((b) => lineFor(b).map((line) => ({ op: 'split_block', block: b.properties.id, line }))),
    edge.chain(({ a, b, v1, v2 }) =>
      nudge([(v1[0] + v2[0]) / 2, (v1[1] + v2[1]) / 2]).map((mid) => ({
        op: 'reshape_edge',
        blocks: [a, b],
        line: [v1, mid, v2],
      })),
    ),
    edge.map(({ a, b }) => ({ op: 'merge_blocks', blocks: [a, b] })),
    fc.tuple(block, fc.constantFrom(...communities)).map(([b, community]) => ({
      op: 'reassign_block',
      block: b.properties.id,
      community,
    })),
    fc
      .tuple(block, cadre, fc.array(cadre, { minLength: 1, maxLength: 12 }), cadre)
      .map(([b, governor, assistants, supervisor]) => ({
        op: 'assign_cadres',
        block: b.properties.id,
        governor,
        assistants,
        supervisor,
      })),
  );
}
