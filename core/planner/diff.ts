// What changed between two coverages (e.g. the published generation and a draft), block by block.
import area from '@turf/area';
import type { BlockFeature } from '../blocks/generation';
import type { Coverage } from './coverage';

/** One block present in both coverages whose geometry or properties differ. */
export interface ChangedBlock {
  readonly id: string;
  readonly area_before: number;
  readonly area_after: number;
}

export interface CoverageDiff {
  readonly added: string[];
  readonly removed: string[];
  readonly changed: ChangedBlock[];
}

/** Properties that matter for a diff: all but the generation stamp (set on every block at publish). */
const facts = (b: BlockFeature) => JSON.stringify({ ...b.properties, generation: 0 });

const blocksOf = (c: Coverage | readonly BlockFeature[]): readonly BlockFeature[] =>
  'blocks' in c ? c.blocks : c;

/** Ids only in `after`, only in `before`, and in both but different (areas in m²; generation stamps ignored). */
export function diffCoverages(
  before: Coverage | readonly BlockFeature[],
  after: Coverage | readonly BlockFeature[],
): CoverageDiff {
  const old = new Map(blocksOf(before).map((b) => [b.properties.id, b]));
  const now = new Map(blocksOf(after).map((b) => [b.properties.id, b]));
  const added = [...now.keys()].filter((id) => !old.has(id)).sort();
  const removed = [...old.keys()].filter((id) => !now.has(id)).sort();
  const changed: ChangedBlock[] = [];
  for (const id of [...now.keys()].sort()) {
    const [a, b] = [old.get(id), now.get(id)!];
    if (!a || a === b) continue;
    const sameGeometry = JSON.stringify(a.geometry) === JSON.stringify(b.geometry);
    if (sameGeometry && facts(a) === facts(b)) continue;
    changed.push({
      id,
      area_before: Math.round(area(a.geometry)),
      area_after: sameGeometry ? Math.round(area(a.geometry)) : Math.round(area(b.geometry)),
    });
  }
  return { added, removed, changed };
}
