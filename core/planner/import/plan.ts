// planImport: from a file's features and the current generation to the complete draft an import writes.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { BlockFeature, CommunityFeature } from '../../blocks/generation';
import type { Crs } from '../../geo/crs';
import type { Assignment } from '../../geography/schemas';
import { sortById } from '../coverage';
import { mapAttributes } from './attributes';
import { cleanCoverage } from './clean';
import type { CleanReport, ImportReport } from './report';

/**
 * `full`: the file holds every block of the district and the draft holds exactly its blocks.
 * `patch`: the file holds the blocks of some communities; the draft is the current generation with every
 * block of those communities replaced by the file's, the other blocks kept fixed (imported corners snap
 * to theirs).
 */
export type ImportMode = 'full' | 'patch';

/** The current generation an import starts from. */
export interface ImportBase {
  readonly blocks: readonly BlockFeature[];
  readonly communities: readonly CommunityFeature[];
  readonly assignments: readonly Assignment[];
  readonly retiredIds: readonly string[];
  readonly district: Polygon | MultiPolygon | null;
}

export interface ImportOptions {
  readonly mode: ImportMode;
  readonly snapM: number;
  /** Stamped on the imported blocks' `generation`. */
  readonly generation: number;
  readonly source: string;
  readonly crs: Crs;
}

/** The draft to write (when `report.errors` is empty) and what the import did. */
export interface ImportPlan {
  readonly blocks: BlockFeature[];
  readonly assignments: Assignment[];
  readonly retiredIds: string[];
  readonly report: ImportReport;
}

const EMPTY: CleanReport = {
  snap_m: 0,
  features: 0,
  blocks: 0,
  snapped_vertices: 0,
  inserted_vertices: 0,
  removed_vertices: 0,
  reoriented_rings: 0,
  changed_neighbours: [],
  gaps: [],
  overlaps: [],
  outside: [],
  invalid: [],
};

/**
 * Maps the features' attributes, cleans their geometry against the kept blocks and the district, and
 * assembles the draft: blocks sorted by id, the current cadre assignments of every id that survives, and
 * the retired ids (the current ones plus every current id the draft no longer has). Attribute errors
 * stop it before any geometry work: the report then lists them and the draft is empty.
 */
export function planImport(
  features: readonly Feature[],
  base: ImportBase,
  options: ImportOptions,
): ImportPlan {
  const mapped = mapAttributes(features, {
    communities: base.communities,
    baseBlocks: base.blocks,
    retiredIds: base.retiredIds,
    generation: options.generation,
  });
  const head = { source: options.source, mode: options.mode, crs: options.crs };
  if (mapped.errors.length) {
    const report = {
      ...EMPTY,
      ...head,
      snap_m: options.snapM,
      features: features.length,
      replaced: 0,
      kept: 0,
    };
    return {
      blocks: [],
      assignments: [],
      retiredIds: [],
      report: { ...report, errors: mapped.errors, renamed: mapped.renamed, warnings: mapped.warnings },
    };
  }
  const codes = new Set(mapped.blocks.map((b) => b.properties.community_code));
  const anchors =
    options.mode === 'patch' ? base.blocks.filter((b) => !codes.has(b.properties.community_code)) : [];
  const cleaned = cleanCoverage(mapped.blocks, { snapM: options.snapM, district: base.district, anchors });
  const changed = new Map(cleaned.changedAnchors.map((b) => [b.properties.id, b]));
  const blocks = sortById([...anchors.map((a) => changed.get(a.properties.id) ?? a), ...cleaned.blocks]);
  const ids = new Set(blocks.map((b) => b.properties.id));
  const warnings = [...mapped.warnings];
  if (options.mode === 'full') {
    const missing = base.communities.filter((c) => !codes.has(c.properties.code));
    if (missing.length)
      warnings.push(
        `${missing.length} of ${base.communities.length} communities have no block in the file (e.g. ${missing[0].properties.code} ${missing[0].properties.name}); publishing needs all of them: import with --mode patch to replace only the file's communities`,
      );
  }
  const assignments = base.assignments.filter((a) => ids.has(a.block_id));
  const staffed = new Set(assignments.map((a) => a.block_id));
  const unstaffed = blocks.map((b) => b.properties.id).filter((id) => !staffed.has(id));
  if (unstaffed.length)
    warnings.push(
      `${unstaffed.length} block(s) have no cadres yet (${unstaffed.slice(0, 5).join(', ')}${unstaffed.length > 5 ? ', …' : ''}): send assign_cadres edits for them before publishing`,
    );
  return {
    blocks,
    assignments,
    retiredIds: [
      ...new Set([
        ...base.retiredIds,
        ...base.blocks.map((b) => b.properties.id).filter((id) => !ids.has(id)),
      ]),
    ],
    report: {
      ...cleaned.report,
      ...head,
      replaced: base.blocks.length - anchors.length,
      kept: anchors.length,
      errors: [],
      renamed: mapped.renamed,
      warnings,
    },
  };
}
