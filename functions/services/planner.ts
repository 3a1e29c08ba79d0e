// Planners' drafts: copy the current generation, apply topology-checked edits, diff, publish atomically,
// then let open work follow the new boundaries (records and counters).
import type { BlockFeature, Generation } from '../../core/blocks/generation.js';
import type { ArtifactStore, BoundaryStore } from '../../core/blocks/ports.js';
import { DomainError, NotFoundError, VersionConflictError } from '../../core/errors.js';
import { buildBlockIndex } from '../../core/geo/block-index.js';
import { buildLocateGrid, serializeLocateGrid } from '../../core/geo/locate-grid.js';
import type { Assignment } from '../../core/geography/schemas.js';
import { type Coverage, coverageFromBlocks, rolesByBlock } from '../../core/planner/coverage.js';
import { deriveAreas } from '../../core/planner/derive.js';
import { applyEdit } from '../../core/planner/edits.js';
import type { EditOp } from '../../core/planner/ops.js';
import { validateCoverage } from '../../core/planner/validate-coverage.js';
import type { Logger } from '../logger.js';
import type { DraftStore } from '../store/draft-store.js';
import { keys } from '../store/keys.js';
import { type BoundaryService, CURRENT_TTL_MS, gridKey, type LoadedGeneration } from './boundaries.js';
import type { IncidentService } from './incidents.js';
import { followBoundaries } from './planner-follow.js';
import { blockRoles, draftDiff, type PlannerReads } from './planner-reads.js';

/** How long a publish request itself moves open work before answering (the notifier finishes the rest). */
const FOLLOW_BUDGET_MS = 12_000;
/** Time one notifier round may spend on follow-ups (it also scans SLAs and delivers, within the Lambda's 29 s). */
const FOLLOW_ROUND_MS = 12_000;
/**
 * A generation's follow-up is settled by a complete run that started this long after its publish: by then
 * every process locates with it (each re-reads the pointer every CURRENT_TTL_MS), so no late report is left.
 */
const FOLLOW_SETTLE_MS = 4 * CURRENT_TTL_MS;
/** Unsettled follow-ups older than this are given up and logged as an error (a person must look). */
const FOLLOW_MAX_AGE_MS = 24 * 3_600_000;

export class PlannerService {
  constructor(
    private readonly drafts: DraftStore,
    private readonly store: BoundaryStore,
    private readonly boundaries: BoundaryService,
    private readonly incidents: IncidentService,
    private readonly artifacts: ArtifactStore,
    private readonly logger: Logger,
  ) {}

  private get reads(): PlannerReads {
    return { store: this.store, drafts: this.drafts, boundaries: this.boundaries, incidents: this.incidents };
  }

  private async draftMeta(g: number): Promise<Generation> {
    const meta = await this.store.getGeneration(g);
    if (!meta || meta.status === 'discarded') throw new NotFoundError('generation', String(g));
    if (meta.status !== 'draft')
      throw new DomainError(
        'NOT_A_DRAFT',
        `generation ${g} is published and immutable; start a draft with POST /api/generations`,
        409,
      );
    return meta;
  }

  /** The draft as the editing engine sees it. */
  private async coverage(g: number): Promise<{ coverage: Coverage; assignments: Assignment[] }> {
    const [set, assignments, retired] = await Promise.all([
      this.store.loadBoundaries(g),
      this.drafts.assignments(g),
      this.drafts.retiredIds(g),
    ]);
    return { coverage: coverageFromBlocks(set.blocks, rolesByBlock(assignments), retired), assignments };
  }

  /** A new draft copied from the current generation. */
  async create(actor: string, note?: string): Promise<Generation> {
    const base = await this.boundaries.currentGeneration();
    if (base === null) throw new DomainError('NO_BOUNDARIES', 'no generation is current yet', 503);
    const [set, assignments, retired] = await Promise.all([
      this.store.loadBoundaries(base),
      this.drafts.assignments(base),
      this.drafts.retiredIds(base),
    ]);
    const g = await this.drafts.nextGeneration();
    const now = new Date().toISOString();
    const meta: Generation = {
      generation: g,
      status: 'draft',
      base,
      version: 1,
      created_at: now,
      published_at: null,
      block_count: set.blocks.length,
      fingerprint: '',
      created_by: actor,
      ...(note ? { note } : {}),
    };
    // Ids retired by earlier generations are never handed out again.
    await this.drafts.createDraft(meta, set.blocks, assignments, retired);
    return meta;
  }

  /** Applies one edit if the draft is still at `version`; returns the new version and the ids touched. */
  async edit(g: number, op: EditOp, version: number, actor: string) {
    const meta = await this.draftMeta(g);
    if (meta.version !== version) {
      throw new VersionConflictError(`draft ${g} is at version ${meta.version}, not ${version}; reload it`, {
        current_version: meta.version,
      });
    }
    const { coverage, assignments } = await this.coverage(g);
    const result = applyEdit(coverage, op);
    const old = new Map(assignments.map((a) => [a.block_id, a]));
    const parent = old.get(result.removed[0] ?? '') ?? old.get(result.changed[0] ?? '');
    const extras = Object.fromEntries(
      [...result.changed, ...result.added].map((id) => {
        const a = old.get(id) ?? parent;
        return [id, a ? { doctor_team: a.doctor_team, duty_phone: a.duty_phone } : {}];
      }),
    );
    const next = await this.drafts.saveEdit(g, version, result.coverage, result, extras, { actor, op });
    return {
      generation: g,
      version: next,
      changed: result.changed,
      added: result.added,
      removed: result.removed,
    };
  }

  /** What publishing would change: blocks, open incidents that would move, load per block before/after. */
  diff(g: number) {
    return draftDiff(this.reads, g);
  }

  /** Who serves each block of a generation (ids and names, no phones); a block nobody serves has no entry. */
  roles(g: number, block?: string) {
    return blockRoles(this.reads, g, block);
  }

  /** Validates the whole draft, derives areas, stores its grid, makes it current, moves open work. */
  async publish(g: number, version: number, actor: string) {
    const meta = await this.draftMeta(g);
    if (meta.version !== version) {
      throw new VersionConflictError(`draft ${g} is at version ${meta.version}, not ${version}; reload it`, {
        current_version: meta.version,
      });
    }
    const current = await this.store.currentGeneration();
    if (current !== meta.base) {
      throw new DomainError(
        'BASE_NOT_CURRENT',
        `this draft was copied from generation ${meta.base}, but ${current} is current now: start a new draft`,
        422,
        { base: meta.base, current },
      );
    }
    const [{ coverage }, base, district] = await Promise.all([
      this.coverage(g),
      this.boundaries.get(meta.base ?? undefined),
      this.drafts.district(),
    ]);
    const reference = { communities: base.set.communities, townships: base.set.townships };
    const violations = district
      ? validateCoverage(coverage, district as never, reference)
      : [
          {
            rule: 'district',
            feature: 'district',
            message: 'the district outline is not stored; run the seed',
          },
        ];
    if (violations.length) {
      throw new DomainError(
        'DRAFT_INVALID',
        `the draft breaks ${violations.length} rule(s); fix them before publishing (first: ${violations[0].feature} ${violations[0].message})`,
        422,
        {
          violations: violations.slice(0, 50),
        },
      );
    }
    const derived = deriveAreas(coverage, reference, g);
    const index = buildBlockIndex({ type: 'FeatureCollection', features: derived.blocks });
    await this.artifacts.put(
      gridKey({ generation: g, fingerprint: index.fingerprint }),
      serializeLocateGrid(buildLocateGrid(index)),
    );
    await this.drafts.writeDerived([
      ...derived.blocks.map((b: BlockFeature) => ({
        ...keys.block(g, b.properties.id),
        _type: 'block',
        ...b.properties,
        geometry: JSON.stringify(b.geometry),
      })),
      ...derived.communities.map((c) => ({
        ...keys.community(g, c.properties.code),
        _type: 'community',
        ...c.properties,
        geometry: JSON.stringify(c.geometry),
      })),
      ...derived.townships.map((t) => ({
        ...keys.township(g, t.properties.code),
        _type: 'township',
        ...t.properties,
        geometry: JSON.stringify(t.geometry),
      })),
      ...Object.entries(coverage.assignments).flatMap(([blockId, roles]) =>
        [
          [roles.governor, 'governor'],
          ...roles.assistants.map((id) => [id, 'assistant']),
          [roles.supervisor, 'supervisor'],
        ].map(([id, role]) => ({
          ...keys.cadreBlock(id, g, blockId),
          _type: 'cadre_block',
          block_id: blockId,
          role,
        })),
      ),
    ]);
    const publishedAt = await this.drafts.publish(
      actor,
      g,
      version,
      meta.base,
      index.fingerprint,
      derived.blocks.length,
    );
    this.boundaries.invalidateCurrent();
    const next = await this.boundaries.get(g);
    // Open work follows within the request as far as FOLLOW_BUDGET_MS allows (API Gateway answers within
    // 30 s); the notifier's next rounds (followRecent) finish the rest — the follow-up is idempotent.
    const followed = await this.follow(base, next, coverage, Date.now() + FOLLOW_BUDGET_MS);
    this.logger.info('generation published', { generation: g, base: meta.base, ...followed });
    return {
      generation: g,
      status: 'published' as const,
      published_at: publishedAt,
      block_count: derived.blocks.length,
      ...followed,
    };
  }

  /**
   * Moves open work and counters after `after` was published (see planner-follow.ts) until `deadline`; a
   * failure is logged and reported as an incomplete follow-up (the notifier retries), never as a failed publish.
   */
  private async follow(
    before: LoadedGeneration,
    after: LoadedGeneration,
    coverage: Coverage,
    deadline: number,
  ) {
    const started = new Date().toISOString();
    try {
      const followed = await followBoundaries(this.incidents, before, after, coverage, { deadline });
      if (followed.follow_complete) await this.drafts.markFollowed(after.meta.generation, started);
      return followed;
    } catch (err) {
      this.logger.error('follow-up after publish failed; the notifier retries', {
        generation: after.meta.generation,
        error: (err as Error).message,
      });
      return { changed_blocks: null, open_incidents_moved: 0, counts_moved: 0, follow_complete: false };
    }
  }

  /**
   * Finishes the follow-up of published generations until it is settled: a complete run that started
   * FOLLOW_SETTLE_MS after the publish (reports filed by processes that still located with the old generation
   * are moved too, and a follow-up the publish request left unfinished is completed). Idempotent; called by
   * every notifier scan (locally every minute, in the cloud every minute). Returns how many it worked on.
   */
  async followRecent(): Promise<number> {
    const now = Date.now();
    const deadline = now + FOLLOW_ROUND_MS;
    const pending = (await this.store.listGenerations()).filter((x) => {
      if (x.status !== 'published' || x.base === null || !x.published_at) return false;
      const published = Date.parse(x.published_at);
      const settled =
        x.followed_at !== undefined && Date.parse(x.followed_at) >= published + FOLLOW_SETTLE_MS;
      if (settled) return false;
      if (now - published > FOLLOW_MAX_AGE_MS) {
        this.logger.error('follow-up of a publish never completed; run it by hand', {
          generation: x.generation,
        });
        return false;
      }
      return true;
    });
    for (const meta of pending) {
      if (Date.now() > deadline) break;
      const [before, after, assignments] = await Promise.all([
        this.boundaries.get(meta.base ?? undefined),
        this.boundaries.get(meta.generation),
        this.drafts.assignments(meta.generation),
      ]);
      await this.follow(
        before,
        after,
        coverageFromBlocks(after.set.blocks, rolesByBlock(assignments)),
        deadline,
      );
    }
    return pending.length;
  }

  async discard(g: number) {
    await this.draftMeta(g);
    await this.drafts.discard(g);
  }
}
