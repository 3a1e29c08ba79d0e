// Issue #9 "Boundary publish during load": readers and reporters hammer the boundary routes while a
// planner splits a block, bends a shared border and publishes; no answer may mix two generations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../functions/config.js';
import { issueToken } from '../../functions/http/auth.js';
import { CURRENT_TTL_MS } from '../../functions/services/boundaries.js';
import {
  checkStored,
  fetchReference,
  judge,
  type Reference,
  type StoredCheck,
} from './lib/generation-check.js';
import { PlannerClient, type PublishRecord } from './lib/planner-client.js';
import { computePublishFigures, formatPublishFigures, type PublishFigures } from './lib/publish-figures.js';
import { type PublishPlan, publishPlan, SPLIT_BLOCK } from './lib/publish-plan.js';
import { type Answer, previewDraft, runReaders } from './lib/readers.js';
import { type ReliabilityStack, startStack } from './lib/stack.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CLIENTS = env('RELIABILITY_PUBLISH_CLIENTS', 50);
/** Readers run this long at least; the planner starts its draft after a third of it. */
const SECONDS = env('RELIABILITY_PUBLISH_SECONDS', 45);
/** Pause after each request, uniform 0..this (a closed loop: slower answers mean fewer requests). */
const THINK_MS = env('RELIABILITY_PUBLISH_THINK_MS', 100);
const BATCH_POINTS = 20;
/** Every process re-reads the current pointer within CURRENT_TTL_MS; this much later every answer is new. */
const SETTLE_MS = CURRENT_TTL_MS + 2_000;
/** Readers go on this long after the settle point, so the "all new" window has answers in it. */
const AFTER_SETTLE_MS = 5_000;
/** Hard stop of the load, whatever happened (CI stays bounded). */
const RUN_BUDGET_MS = 150_000;
/** Not under test here (no store faults): generous, so a busy engine does not turn into 503s. */
const STORE_TIMEOUT_MS = 5_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('boundary publish during load (issue #9)', () => {
  let stack: ReliabilityStack | undefined;
  const run = {
    plan: undefined as unknown as PublishPlan,
    base: 0,
    answers: [] as Answer[],
    preview: [] as Answer[],
    publish: undefined as PublishRecord | undefined,
    publishError: undefined as string | undefined,
    refs: new Map<number, Reference>(),
    figures: undefined as unknown as PublishFigures,
    stored: undefined as unknown as StoredCheck,
    seenPublishedAt: undefined as number | undefined,
    moved: 0,
    movedAnswers: new Map<number, number>(),
  };

  beforeAll(async () => {
    const wall = performance.now();
    stack = await startStack({ storeTimeoutMs: STORE_TIMEOUT_MS });
    const url = stack.apiUrl;
    console.log(`  stack ready in ${((performance.now() - wall) / 1000).toFixed(1)} s (${stack.dir})`);
    run.plan = publishPlan();
    const token = await issueToken(loadConfig(stack.apiEnv), { sub: 'rl-planner', role: 'planner' });
    const planner = new PlannerClient(url, token);
    const roles = await planner.rolesOf(SPLIT_BLOCK);
    run.base = Number(
      ((await (await fetch(`${url}/api/generations/current`)).json()) as { generation: number }).generation,
    );

    const t0 = Date.now();
    const hardStop = t0 + RUN_BUDGET_MS;
    let plannerDone = false;
    const stop = () => {
      const now = Date.now();
      if (now > hardStop) return true;
      if (now < t0 + SECONDS * 1000) return false;
      // Readers go on until well after the commit (not the publish answer: its follow-up takes long).
      if (planner.committedAt !== undefined) return now > planner.committedAt + SETTLE_MS + AFTER_SETTLE_MS;
      return plannerDone;
    };
    const detailIds = [...run.plan.detailIds];
    const progress = setInterval(() => {
      const at = ((Date.now() - t0) / 1000).toFixed(0);
      const last = planner.steps.at(-1);
      console.log(
        `  … ${at} s: ${run.answers.length} answers; planner: ${last ? `${last.name} ${last.status}` : 'waiting'}`,
      );
    }, 10_000);
    const plannerRun = (async () => {
      await sleep((SECONDS * 1000) / 3);
      run.publish = await planner.publish(run.plan, roles, (added) => detailIds.push(...added));
      run.publishError = run.publish.error;
    })()
      .catch((err: Error) => {
        run.publishError = err.message;
      })
      .finally(() => {
        plannerDone = true;
      });
    const readers = runReaders({
      url,
      clients: CLIENTS,
      thinkMs: THINK_MS,
      changed: run.plan.changed,
      elsewhere: run.plan.elsewhere,
      detailIds,
      batchSize: BATCH_POINTS,
      runId: t0.toString(36),
      stop,
      sink: run.answers,
    });
    // A planner previews the draft while it is published (the web editor does): until 3 s after the commit.
    const preview = previewDraft(
      url,
      token,
      () => planner.draft,
      () => stop() || Date.now() > (planner.committedAt ?? Number.POSITIVE_INFINITY) + 3_000,
    );
    try {
      [, , run.preview] = await Promise.all([plannerRun, readers, preview]);
    } finally {
      clearInterval(progress);
    }
    if (!run.publish) throw new Error(`the planner did not publish: ${run.publishError}`);
    run.seenPublishedAt = planner.seenPublishedAt;
    for (const g of [run.base, run.publish.generation]) run.refs.set(g, await fetchReference(url, g));
    const verdicts = run.answers.map((a) => judge(a, run.refs));
    run.stored = await checkStored(
      url,
      run.answers.filter((a) => a.route === 'POST /api/incidents' && a.status === 201),
      run.refs,
    );
    run.figures = computePublishFigures(run.answers, verdicts, run.publish, SETTLE_MS);
    // Answers about points whose block differs between the generations: where a mix would show.
    const [before, after] = [run.refs.get(run.base)!, run.refs.get(run.publish.generation)!];
    const blockAt = (ref: Reference, p: [number, number]) => {
      const r = ref.locator.locate(p[0], p[1]);
      return r.inside ? r.blockId : null;
    };
    run.moved = run.plan.changed.filter((p) => blockAt(before, p) !== blockAt(after, p)).length;
    verdicts.forEach((v, i) => {
      const points = run.answers[i].points ?? [];
      if (v.generation !== null && points.some((p) => blockAt(before, p) !== blockAt(after, p)))
        run.movedAnswers.set(v.generation, (run.movedAnswers.get(v.generation) ?? 0) + 1);
    });
    const extra: [string, string][] = [
      ['probe points whose block changed', `${run.moved} of ${run.plan.changed.length} near the changes`],
      ['answers about such points', [...run.movedAnswers].map(([g, n]) => `g${g} ${n}`).join(', ')],
    ];
    console.log(formatPublishFigures(run.figures, run.publish, run.stored, performance.now() - wall, extra));
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('publishes the draft mid-run, and the changes move points between blocks', () => {
    expect(run.publishError).toBeUndefined();
    const p = run.publish!;
    expect(p.generation).toBeGreaterThan(run.base);
    const [before, after] = [run.refs.get(run.base)!, run.refs.get(p.generation)!];
    expect(after.features.has(SPLIT_BLOCK)).toBe(false);
    expect(p.added.every((id) => after.features.has(id) && !before.features.has(id))).toBe(true);
    // The bent border's probe point lies in B before and in A after: a gen-1 id with generation 2 would show.
    const at = (ref: Reference) => ref.locator.locate(...p.reshape.moved);
    expect([at(before), at(after)].map((r) => (r.inside ? r.blockId : null))).toEqual([
      p.reshape.blocks[1],
      p.reshape.blocks[0],
    ]);
    // Both generations answered, also about points that changed block (where a mix would show).
    expect(run.moved).toBeGreaterThan(5);
    expect(run.movedAnswers.get(run.base)).toBeGreaterThan(100);
    expect(run.movedAnswers.get(p.generation)).toBeGreaterThan(100);
    expect(run.figures.byGeneration.get(run.base)).toBeGreaterThan(100);
    expect(run.figures.byGeneration.get(p.generation)).toBeGreaterThan(100);
  });

  it('every answer names one generation and everything in it belongs to that generation', () => {
    const shown = run.figures.mixes
      .slice(0, 10)
      .map((m) => `${m.answer.route} at ${m.answer.at}: ${m.problem}`);
    expect(shown).toEqual([]);
    expect(run.stored.problems.slice(0, 10)).toEqual([]);
    expect(run.stored.checked).toBeGreaterThan(0);
  });

  it('no client sees the old generation again once it saw the new one', () => {
    expect(run.figures.regressions.slice(0, 10)).toEqual([]);
  });

  it(`every answer is from the new generation from ${SETTLE_MS / 1000} s after publish (pointer TTL + margin)`, () => {
    const late = run.figures.lateOld
      .slice(0, 10)
      .map((a) => `${a.route} sent ${a.at - run.publish!.publishedAt} ms after`);
    expect(late).toEqual([]);
    const settled = run.answers.filter((a) => a.at > run.publish!.publishedAt + SETTLE_MS);
    expect(settled.length).toBeGreaterThan(50);
  });

  it("the planner's draft preview turns into the published generation without an error", () => {
    const p = run.publish!;
    const bad = run.preview
      .filter((a) => a.status !== 200)
      .map((a) => `${a.status} at ${a.at - p.publishedAt} ms`);
    expect(bad).toEqual([]);
    // Sent after a read showed it published: the generation itself (the draft's load is never reused).
    const seen = run.seenPublishedAt ?? p.answeredAt;
    const after = run.preview.filter((a) => a.at > seen);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((a) => a.bodyHash === run.refs.get(p.generation)!.hash)).toBe(true);
  });

  it('answers every request as the route should (no 404 for the current generation, no 5xx but 503)', () => {
    const p = run.publish!;
    const unexpected = run.figures.unexpected
      .slice(0, 10)
      .map((a) => `${a.route} ${a.status} ${JSON.stringify(a.body)} at ${a.at - p.publishedAt} ms`);
    expect(unexpected).toEqual([]);
    expect(run.figures.other5xx).toBe(0);
    expect(stack?.apiErrorLines().slice(0, 5)).toEqual([]);
  });
});
