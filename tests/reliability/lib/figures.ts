// The figures of a run, computed from the client records and printed as a small table.
import type { FaultRecord } from './faults.js';
import type { ReportRecord } from './load.js';
import type { Verification } from './verify.js';

export interface Figures {
  reports: number;
  requestsSent: number;
  acknowledged: number;
  retried: number;
  replayed: number;
  gaveUp: number;
  lost: number;
  duplicated: number;
  p50Ms: number;
  p99Ms: number;
  maxAckMs: number;
  seen503: number;
  max503Ms: number;
  /** 503s answered while the store was stopped or starting, and their slowest */
  outage503: number;
  outageMax503Ms: number;
  /** retried reports stored exactly once */
  retriedStoredOnce: number;
  seen5xxOther: number;
  clientTimeouts: number;
  networkErrors: number;
}

/** Nearest-rank percentile of an unsorted list (0 for an empty one). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function computeFigures(
  records: readonly ReportRecord[],
  v: Verification,
  faults: readonly FaultRecord[],
): Figures {
  const attempts = records.flatMap((r) => r.attempts);
  const windows = faults
    .filter((f) => f.probes.length > 0)
    .map((f) => [f.at, f.at + f.stopMs + f.downMs + f.startMs] as const);
  const inOutage = (at: number) => windows.some(([from, to]) => at >= from && at <= to);
  const outage503 = attempts.filter((a) => a.outcome === 503 && inOutage(a.at)).map((a) => a.ms);
  const retried = records.filter((r) => r.attempts.length > 1);
  const acked = records.filter((r) => r.ack);
  const ackMs = acked.map((r) => r.attempts[r.attempts.length - 1].ms);
  const ms503 = attempts.filter((a) => a.outcome === 503).map((a) => a.ms);
  return {
    reports: records.length,
    requestsSent: attempts.length,
    acknowledged: acked.length,
    retried: retried.length,
    retriedStoredOnce: retried.filter((r) => v.stored.get(r.token) === 1).length,
    replayed: acked.filter((r) => r.ack?.replayed).length,
    gaveUp: records.filter((r) => r.gaveUp).length,
    lost: v.lost.length,
    duplicated: v.duplicated.length,
    p50Ms: percentile(ackMs, 50),
    p99Ms: percentile(ackMs, 99),
    maxAckMs: Math.max(0, ...ackMs),
    seen503: ms503.length,
    max503Ms: Math.max(0, ...ms503),
    outage503: outage503.length,
    outageMax503Ms: Math.max(0, ...outage503),
    seen5xxOther: attempts.filter(
      (a) => typeof a.outcome === 'number' && a.outcome >= 500 && a.outcome !== 503,
    ).length,
    clientTimeouts: attempts.filter((a) => a.outcome === 'timeout').length,
    networkErrors: attempts.filter((a) => a.outcome === 'network').length,
  };
}

const ms = (n: number) => `${Math.round(n)} ms`;

/** The printed summary: figures, faults and store checks. */
export function formatFigures(
  f: Figures,
  faults: readonly FaultRecord[],
  v: Verification,
  wallMs: number,
): string {
  const rows: [string, string | number][] = [
    ['reports (clients × reports each)', f.reports],
    ['requests sent', f.requestsSent],
    ['acknowledged (201)', f.acknowledged],
    ['retried (reports needing > 1 attempt)', f.retried],
    ['  stored exactly once', f.retriedStoredOnce],
    ['  acknowledged as replay (an earlier attempt had committed)', f.replayed],
    ['given up', f.gaveUp],
    ['lost (must be 0)', f.lost],
    ['duplicated (must be 0)', f.duplicated],
    ['latency p50 / p99 / max (acknowledged)', `${ms(f.p50Ms)} / ${ms(f.p99Ms)} / ${ms(f.maxAckMs)}`],
    ['503s seen / max 503 latency', `${f.seen503} / ${ms(f.max503Ms)}`],
    ['  while the store was down or starting', `${f.outage503} / ${ms(f.outageMax503Ms)}`],
    ['other 5xx (must be 0)', f.seen5xxOther],
    ['client timeouts / network errors', `${f.clientTimeouts} / ${f.networkErrors}`],
    [
      'incidents in store / counter b| sum / total',
      `${v.incidents} / ${v.counterBlockSum} / ${v.counterTotalSum}`,
    ],
    [
      'half-written (no first event / pointers / dangling)',
      `${v.missingFirstEvent.length} / ${v.missingPointers.length} / ${v.danglingPointers.length}`,
    ],
    ['counter mismatches', v.counterMismatches.length],
    ['wall time', `${(wallMs / 1000).toFixed(1)} s`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, val]) => `  ${k.padEnd(width)}  ${val}`);
  for (const fault of faults) {
    const probes = fault.probes;
    const health = probes.filter((p) => p.kind === 'health');
    const posts = probes.filter((p) => p.kind === 'post');
    const statuses = [...new Set(probes.map((p) => p.status))].join(',');
    lines.push(
      `  fault ${fault.name} at ${(fault.at / 1000).toFixed(1)} s: stop ${ms(fault.stopMs)}, down ${ms(fault.downMs)}, ` +
        `start ${ms(fault.startMs)}` +
        (probes.length
          ? `; probes ${health.length} health + ${posts.length} POST → ${statuses}, max ${ms(Math.max(...probes.map((p) => p.ms)))}`
          : ''),
    );
  }
  return `reliability run (${new Date().toISOString()}, ${process.platform} ${process.arch}, node ${process.version})\n${lines.join('\n')}`;
}
