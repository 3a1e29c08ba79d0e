// What an import found and did: counts, the problems it could not fix (with locations), and how to print them.

/** A position `[lon, lat]` on the 1e-6° grid. */
export type LonLat = [number, number];

/** A piece of the district (or of the imported area) that no block covers. */
export interface GapProblem {
  readonly at: LonLat;
  readonly area_m2: number;
  /** Mean width (2 × area / perimeter): tells a real gap from a rounding sliver. */
  readonly width_m: number;
  /** Blocks along its border. */
  readonly blocks: string[];
}

/** A piece two blocks both cover. */
export interface OverlapProblem {
  readonly blocks: [string, string];
  readonly at: LonLat;
  readonly area_m2: number;
  readonly width_m: number;
}

/** A piece of an imported block outside the district outline. */
export interface OutsideProblem {
  readonly at: LonLat;
  readonly area_m2: number;
  readonly width_m: number;
  readonly blocks: string[];
}

/** A feature whose geometry cannot be cleaned: left out of the draft, or kept as surveyed (not snapped). */
export interface InvalidProblem {
  readonly feature: string;
  readonly at: LonLat | null;
  readonly message: string;
}

/** What cleanCoverage did and what is left. */
export interface CleanReport {
  readonly snap_m: number;
  /** Features given and blocks produced (features minus invalid ones). */
  readonly features: number;
  readonly blocks: number;
  /** Distinct imported corners that moved to a shared representative (or onto a neighbour's edge). */
  readonly snapped_vertices: number;
  /** Corners inserted into an edge they lay on (T-junction fixes), on either side. */
  readonly inserted_vertices: number;
  /** Repeated corners and zero-width spikes dropped. */
  readonly removed_vertices: number;
  /** Clockwise outer rings turned counter-clockwise (RFC 7946). */
  readonly reoriented_rings: number;
  /** Blocks kept from the current generation that received a corner of an imported block. */
  readonly changed_neighbours: string[];
  readonly gaps: GapProblem[];
  readonly overlaps: OverlapProblem[];
  readonly outside: OutsideProblem[];
  readonly invalid: InvalidProblem[];
}

/** A feature whose attributes cannot make a block (nothing is written while there are any). */
export interface AttributeProblem {
  readonly feature: string;
  readonly message: string;
}

/** A feature that got a new block id, and why. */
export interface RenamedBlock {
  readonly feature: string;
  readonly from: string | null;
  readonly to: string;
  readonly reason: string;
}

/** Everything one import run reports (printed by the CLI, summarised on the draft's meta item). */
export interface ImportReport extends CleanReport {
  readonly source: string;
  readonly mode: 'full' | 'patch';
  readonly crs: 'wgs84' | 'gcj02';
  /** Blocks of the current generation replaced by the file, and kept as they were. */
  readonly replaced: number;
  readonly kept: number;
  readonly errors: AttributeProblem[];
  readonly renamed: RenamedBlock[];
  readonly warnings: string[];
}

/** Whether geometry problems remain that the planner has to fix (in the source) before publishing. */
export function unresolved(report: CleanReport): number {
  return report.gaps.length + report.overlaps.length + report.outside.length + report.invalid.length;
}

/** The report with every list cut to `limit` entries plus `<list>_total` counts (for the meta item). */
export function summarizeReport(report: ImportReport, limit = 50): Record<string, unknown> {
  const lists = ['gaps', 'overlaps', 'outside', 'invalid', 'errors', 'renamed', 'warnings'] as const;
  const out: Record<string, unknown> = { ...report };
  for (const key of lists) {
    out[key] = report[key].slice(0, limit);
    out[`${key}_total`] = report[key].length;
  }
  return out;
}

const m2 = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const where = (p: LonLat | null) => (p ? `[${p[0].toFixed(6)}, ${p[1].toFixed(6)}]` : '(no position)');

/** Human-readable lines: the counts, then up to `limit` entries of each problem list with coordinates. */
export function formatReport(report: ImportReport, limit = 20): string[] {
  const lines = [
    `source ${report.source} (${report.mode}, ${report.crs}, snap ${report.snap_m} m): ${report.features} features → ${report.blocks} blocks; ${report.replaced} current blocks replaced, ${report.kept} kept`,
    `cleaned: ${report.snapped_vertices} corners snapped, ${report.inserted_vertices} inserted (T-junctions), ${report.removed_vertices} repeated/spike corners dropped, ${report.reoriented_rings} rings turned counter-clockwise` +
      (report.changed_neighbours.length
        ? `, ${report.changed_neighbours.length} kept neighbours got corners`
        : ''),
    `left: ${report.gaps.length} gaps, ${report.overlaps.length} overlaps, ${report.outside.length} outside the district, ${report.invalid.length} invalid features, ${report.errors.length} attribute errors`,
  ];
  const section = <T>(title: string, items: readonly T[], line: (x: T) => string) => {
    if (items.length === 0) return;
    lines.push(`${title} (${items.length}${items.length > limit ? `, first ${limit}` : ''}):`);
    for (const x of items.slice(0, limit)) lines.push(`  ${line(x)}`);
  };
  section('errors', report.errors, (e) => `${e.feature}: ${e.message}`);
  section('invalid', report.invalid, (e) => `${e.feature} at ${where(e.at)}: ${e.message}`);
  section(
    'gaps',
    report.gaps,
    (g) =>
      `${m2(g.area_m2)} m² (≈${g.width_m.toFixed(1)} m wide) at ${where(g.at)} ${g.blocks.length ? `between ${g.blocks.join(', ')}` : 'away from every block'}`,
  );
  section(
    'overlaps',
    report.overlaps,
    (o) =>
      `${m2(o.area_m2)} m² (≈${o.width_m.toFixed(1)} m wide) at ${where(o.at)}: ${o.blocks[0]} × ${o.blocks[1]}`,
  );
  section(
    'outside',
    report.outside,
    (o) => `${m2(o.area_m2)} m² at ${where(o.at)} of ${o.blocks.join(', ')}`,
  );
  section('renamed', report.renamed, (r) => `${r.feature}: ${r.from ?? '(no id)'} → ${r.to} (${r.reason})`);
  section('warnings', report.warnings, (w) => w);
  return lines;
}
