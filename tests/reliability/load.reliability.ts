// Issue #9 "Load and faults": 200 residents report with Idempotency-Keys and retry, while the store
// (DynamoDB Local on disk) is stopped and restarted twice and the API process is killed and restarted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRestart, type FaultRecord, storeOutage } from './lib/faults.js';
import { computeFigures, type Figures, formatFigures } from './lib/figures.js';
import { type ReportRecord, runLoad } from './lib/load.js';
import { reportPoints } from './lib/points.js';
import { type ReliabilityStack, startStack, TABLE_NAME } from './lib/stack.js';
import { type Verification, verifyStore } from './lib/verify.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CLIENTS = env('RELIABILITY_CLIENTS', 200);
const REPORTS_PER_CLIENT = env('RELIABILITY_REPORTS_PER_CLIENT', 10);
/** Pause before each report, uniform 0..this: 200 clients offer ~22 reports/s (the engine takes ~30 on 2 busy cores). */
const THINK_MS = env('RELIABILITY_THINK_MS', 16_000);
/**
 * The API's STORE_TIMEOUT_MS: a down store must cost a request no more than this (+ margin). Not 1 s:
 * a freshly restarted (cold) DynamoDB Local needs 1–2 s per call on 2 busy cores, and at 1 s the API
 * abandons calls the engine still executes, the SDK sends each again — a retry storm that kept the
 * engine saturated for 30–60 s after each restart. frozen-store.reliability.ts checks the 1 s bound.
 */
const STORE_TIMEOUT_MS = 2_000;
const PROBE_MARGIN_MS = 500;
const STORE_DOWN_MS = 4_000;
const CLIENT_TIMEOUT_MS = 5_000;
const REPORT_DEADLINE_MS = 180_000;
/** After this the clients are stopped and whatever happened is verified and printed (CI stays bounded). */
const RUN_BUDGET_MS = 210_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('load and faults (issue #9)', () => {
  let stack: ReliabilityStack | undefined;
  const total = CLIENTS * REPORTS_PER_CLIENT;
  const run = {
    records: [] as ReportRecord[],
    faults: [] as FaultRecord[],
    faultError: undefined as string | undefined,
    verification: undefined as unknown as Verification,
    figures: undefined as unknown as Figures,
  };

  beforeAll(async () => {
    const wall = performance.now();
    stack = await startStack({ storeTimeoutMs: STORE_TIMEOUT_MS });
    const s = stack;
    console.log(`  stack ready in ${((performance.now() - wall) / 1000).toFixed(1)} s (${s.dir})`);
    const runId = Date.now().toString(36);
    const abort = new AbortController();
    const budget = setTimeout(() => abort.abort(), RUN_BUDGET_MS);
    let acked = 0;
    let loadDone = false;
    const t0 = performance.now();
    let lately = new Map<string, number>();
    const progress = setInterval(() => {
      const outcomes = [...lately].map(([k, n]) => `${n}×${k}`).join(' ');
      const at = ((performance.now() - t0) / 1000).toFixed(0);
      console.log(`  … ${at} s: ${acked}/${total} acknowledged; last 15 s: ${outcomes}`);
      lately = new Map();
    }, 15_000);
    const load = runLoad({
      url: s.apiUrl,
      points: reportPoints(),
      clients: CLIENTS,
      reportsPerClient: REPORTS_PER_CLIENT,
      attemptTimeoutMs: CLIENT_TIMEOUT_MS,
      reportDeadlineMs: REPORT_DEADLINE_MS,
      maxBackoffMs: 8_000,
      thinkMs: THINK_MS,
      runId,
      t0,
      onAck: () => acked++,
      onAttempt: (outcome) => lately.set(String(outcome), (lately.get(String(outcome)) ?? 0) + 1),
      signal: abort.signal,
    }).finally(() => {
      loadDone = true;
    });
    // Faults at a share of acknowledged reports, so each one lands mid-run whatever the machine's speed.
    const reach = async (share: number) => {
      while (acked < share * total) {
        if (loadDone) throw new Error(`the load ended before ${share * 100} % was acknowledged`);
        await sleep(25);
      }
      return performance.now() - t0;
    };
    const faults = (async () => {
      const outage = { downMs: STORE_DOWN_MS, probeTimeoutMs: CLIENT_TIMEOUT_MS, runId };
      run.faults.push(await storeOutage(s, { name: 'store-1', at: await reach(0.25), ...outage }));
      run.faults.push(await apiRestart(s, { name: 'api-restart', at: await reach(0.5) }));
      run.faults.push(await storeOutage(s, { name: 'store-2', at: await reach(0.75), ...outage }));
    })().catch((err: Error) => {
      run.faultError = err.message;
    });
    try {
      [run.records] = await Promise.all([load, faults]);
    } finally {
      clearTimeout(budget);
      clearInterval(progress);
    }
    run.verification = await verifyStore({
      endpoint: s.storeEndpoint,
      table: TABLE_NAME,
      reports: run.records,
      probeTokens: new Set(run.faults.flatMap((f) => f.probes.flatMap((p) => (p.token ? [p.token] : [])))),
    });
    run.figures = computeFigures(run.records, run.verification, run.faults);
    console.log(formatFigures(run.figures, run.faults, run.verification, performance.now() - wall));
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('injects every fault mid-run: store stopped twice, API restarted once', () => {
    expect(run.faultError).toBeUndefined();
    expect(run.faults.map((f) => f.name)).toEqual(['store-1', 'api-restart', 'store-2']);
  });

  it('acknowledges every report and stores each exactly once, as acknowledged', () => {
    const { figures: f, verification: v, records } = run;
    expect(records.filter((r) => r.gaveUp).map((r) => `${r.token}: ${r.gaveUp}`)).toEqual([]);
    expect(f.acknowledged).toBe(total);
    // the faults must have bitten, or this proves nothing about retries
    expect(f.retried).toBeGreaterThan(0);
    expect(f.retriedStoredOnce).toBe(f.retried);
    expect(v.lost).toEqual([]);
    expect(v.duplicated).toEqual([]);
    expect(v.wrongAck).toEqual([]);
    expect(v.phantom).toEqual([]);
    expect(v.probeWritten).toEqual([]);
    expect(v.incidents).toBe(total);
  });

  it('writes nothing by halves: first event and pointers for every incident, counters equal incidents', () => {
    const v = run.verification;
    expect(v.missingFirstEvent).toEqual([]);
    expect(v.missingPointers).toEqual([]);
    expect(v.danglingPointers).toEqual([]);
    expect(v.orphanEvents).toEqual([]);
    expect(v.counterMismatches.slice(0, 20)).toEqual([]);
    expect(v.counterBlockSum).toBe(v.incidents);
    expect(v.counterTotalSum).toBe(v.incidents);
  });

  it('answers 503 with Retry-After while the store is down, fast, and never a 500', () => {
    const outages = run.faults.filter((f) => f.name.startsWith('store'));
    expect(outages).toHaveLength(2);
    for (const fault of outages) {
      expect(fault.probes.length).toBeGreaterThan(4);
      const bad = fault.probes.filter(
        (p) =>
          p.status !== 503 || !/^\d+$/.test(p.retryAfter ?? '') || p.ms > STORE_TIMEOUT_MS + PROBE_MARGIN_MS,
      );
      expect(
        bad,
        `${fault.name}: not 503 + Retry-After within ${STORE_TIMEOUT_MS + PROBE_MARGIN_MS} ms`,
      ).toEqual([]);
    }
    const attempts = run.records.flatMap((r) => r.attempts);
    const other5xx = attempts.filter(
      (a) => typeof a.outcome === 'number' && a.outcome >= 500 && a.outcome !== 503,
    );
    expect(other5xx).toEqual([]);
    // every 503 of the load (outages and shed load alike) tells the client when to come back
    expect(attempts.filter((a) => a.outcome === 503 && !/^\d+$/.test(a.retryAfter ?? ''))).toEqual([]);
    expect(stack?.apiErrorLines().slice(0, 5)).toEqual([]);
  });

  // Boundary publish during load (no request sees a mix of two generations): publish.reliability.ts.
});
