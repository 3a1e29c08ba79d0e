// Bounded load client: virtual residents posting reports with their own Idempotency-Key, retrying
// the same key and body on network errors, timeouts and 5xx (honouring Retry-After) until a 201.
import type { ReportPoint } from './points.js';

export type Outcome = number | 'timeout' | 'network';

export interface Attempt {
  /** ms since the load started */
  at: number;
  ms: number;
  outcome: Outcome;
  retryAfter: string | null;
  /** error code of a non-201 body, or the network error's cause */
  detail?: string;
}

export interface ReportRecord {
  key: string;
  token: string;
  body: Record<string, unknown>;
  attempts: Attempt[];
  ack?: { id: string; receipt: string; replayed: boolean };
  /** Why the client stopped without a 201 (a 4xx, or the deadline). */
  gaveUp?: string;
}

export interface LoadOptions {
  url: string;
  points: readonly ReportPoint[];
  clients: number;
  reportsPerClient: number;
  /** Client-side timeout of one attempt. */
  attemptTimeoutMs: number;
  /** A report not acknowledged within this time (from its first attempt) is given up. */
  reportDeadlineMs: number;
  /** Longest wait between attempts (Retry-After included). */
  maxBackoffMs: number;
  /** Pause before each report of a client (uniform 0..thinkMs): residents, not a tight loop. */
  thinkMs: number;
  runId: string;
  onAck?: () => void;
  /** Called after every attempt (progress lines). */
  onAttempt?: (outcome: Outcome) => void;
  /** performance.now() the attempt times (`at`) count from; the faults use the same origin. */
  t0?: number;
  /** Aborting stops every client after its current attempt (a failed run must not leave clients behind). */
  signal?: AbortSignal;
}

const CATEGORIES = ['sanitation', 'municipal_facilities', 'roads_traffic', 'noise', 'other'] as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The token that ties a report to its incident in the store (it is part of the description). */
export const tokenOf = (description: string) => /\brl-[a-z0-9]+-\d+-\d+\b/.exec(description)?.[0];

/** How long to wait before the next attempt: Retry-After (jittered up to +50 %) or capped exponential full jitter. */
export function backoffMs(attempt: number, retryAfter: string | null, cap: number): number {
  const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0)
    return Math.min(cap, seconds * 1000 * (1 + Math.random() * 0.5));
  return Math.random() * Math.min(cap, 200 * 2 ** attempt);
}

function networkDetail(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  return e.cause?.code ?? e.cause?.message ?? e.message;
}

/** One POST; never throws. */
export async function postReport(
  url: string,
  key: string,
  body: unknown,
  timeoutMs: number,
  clientIp = '10.0.0.1',
): Promise<{
  outcome: Outcome;
  ms: number;
  retryAfter: string | null;
  json?: Record<string, unknown>;
  replayed: boolean;
  detail?: string;
}> {
  const started = performance.now();
  try {
    const res = await fetch(`${url}/api/incidents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, 'X-Forwarded-For': clientIp },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const json = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    const error = json?.error as { code?: string } | undefined;
    if (res.status === 201 && typeof json?.id !== 'string') {
      // the timeout cut the body: the client never learnt the id, so this is no acknowledgement
      return { outcome: 'timeout', ms: performance.now() - started, retryAfter: null, replayed: false };
    }
    return {
      outcome: res.status,
      ms: performance.now() - started,
      retryAfter: res.headers.get('Retry-After'),
      json,
      replayed: res.headers.get('Idempotent-Replayed') === 'true',
      detail: error?.code,
    };
  } catch (err) {
    const timeout = (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError';
    return {
      outcome: timeout ? 'timeout' : 'network',
      ms: performance.now() - started,
      retryAfter: null,
      replayed: false,
      detail: timeout ? undefined : networkDetail(err),
    };
  }
}

/** Runs every virtual client to completion and returns one record per report. */
export async function runLoad(o: LoadOptions): Promise<ReportRecord[]> {
  const t0 = o.t0 ?? performance.now();
  const records: ReportRecord[] = [];
  const client = async (c: number) => {
    for (let n = 0; n < o.reportsPerClient && !o.signal?.aborted; n++) {
      await sleep(Math.random() * o.thinkMs);
      const point = o.points[(c * o.reportsPerClient + n) % o.points.length];
      const token = `rl-${o.runId}-${c}-${n}`;
      const record: ReportRecord = {
        key: `${o.runId}-${c}-${n}-${crypto.randomUUID()}`,
        token,
        body: {
          lon: point.lon,
          lat: point.lat,
          category: CATEGORIES[(c + n) % CATEGORIES.length],
          description: `可靠性测试 ${token} 路灯不亮`,
        },
        attempts: [],
      };
      records.push(record);
      const first = performance.now();
      for (let attempt = 0; ; attempt++) {
        const r = await postReport(
          o.url,
          record.key,
          record.body,
          o.attemptTimeoutMs,
          `10.9.${c >> 8}.${c & 255}`,
        );
        o.onAttempt?.(r.outcome);
        record.attempts.push({
          at: performance.now() - t0 - r.ms,
          ms: r.ms,
          outcome: r.outcome,
          retryAfter: r.retryAfter,
          detail: r.detail,
        });
        if (r.outcome === 201) {
          record.ack = { id: String(r.json?.id), receipt: String(r.json?.receipt), replayed: r.replayed };
          o.onAck?.();
          break;
        }
        const retryable = typeof r.outcome !== 'number' || r.outcome >= 500;
        if (!retryable) {
          record.gaveUp = `HTTP ${r.outcome} ${r.detail ?? ''}`.trim();
          break;
        }
        const wait = backoffMs(attempt, r.retryAfter, o.maxBackoffMs);
        if (o.signal?.aborted) {
          record.gaveUp = 'aborted';
          break;
        }
        if (performance.now() + wait - first > o.reportDeadlineMs) {
          record.gaveUp = `no 201 within ${o.reportDeadlineMs} ms (last: ${r.outcome})`;
          break;
        }
        await sleep(wait);
      }
    }
  };
  await Promise.all(Array.from({ length: o.clients }, (_, c) => client(c)));
  return records;
}
