// The figures of a publish run: answers per route and generation, mixes, order per client, the switch-over.

import { percentile } from './figures.js';
import type { StoredCheck, Verdict } from './generation-check.js';
import type { PublishRecord } from './planner-client.js';
import type { Answer, Route } from './readers.js';

export interface RouteFigures {
  route: Route;
  requests: number;
  byGeneration: Map<number, number>;
  /** statuses of answers that name no generation (errors, timeouts, draft previews) */
  other: Map<string, number>;
  p50Ms: number;
  p99Ms: number;
}

export interface PublishFigures {
  routes: RouteFigures[];
  requests: number;
  byGeneration: Map<number, number>;
  mixes: { answer: Answer; problem: string }[];
  /** a client that had seen the new generation answered from the old one (replays excepted) */
  regressions: string[];
  /** old-generation answers to requests sent later than publish + TTL + margin */
  lateOld: Answer[];
  /** ms from the commit (published_at) to the send time of the last old / first new answer */
  lastOldMs: number | null;
  firstNewMs: number | null;
  p50Ms: number;
  p99Ms: number;
  other5xx: number;
  /** answers with a status the route never gives in this run (503 and timeouts aside), e.g. a 404 for the current generation */
  unexpected: Answer[];
  timeouts: number;
}

const EXPECTED: Record<string, number[]> = {
  'GET /api/blocks': [200, 304],
  'GET /api/blocks/:id': [200, 404],
  'POST /api/incidents': [201],
};

const inc = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

export function computePublishFigures(
  answers: readonly Answer[],
  verdicts: readonly Verdict[],
  publish: PublishRecord,
  settleMs: number,
): PublishFigures {
  const newest = publish.generation;
  const routes = new Map<Route, RouteFigures>();
  const byGeneration = new Map<number, number>();
  const mixes: PublishFigures['mixes'] = [];
  const lateOld: Answer[] = [];
  const seen = new Map<number, number>();
  const regressions: string[] = [];
  let lastOld: number | null = null;
  let firstNew: number | null = null;
  answers.forEach((a, i) => {
    const v = verdicts[i];
    let r = routes.get(a.route);
    if (!r) {
      r = { route: a.route, requests: 0, byGeneration: new Map(), other: new Map(), p50Ms: 0, p99Ms: 0 };
      routes.set(a.route, r);
    }
    r.requests++;
    if (v.problem) mixes.push({ answer: a, problem: v.problem });
    if (v.generation === null) {
      inc(r.other, String(a.status));
      return;
    }
    inc(r.byGeneration, v.generation);
    inc(byGeneration, v.generation);
    const sinceCommit = a.at - publish.publishedAt;
    if (v.generation < newest) {
      if (lastOld === null || sinceCommit > lastOld) lastOld = sinceCommit;
      if (sinceCommit > settleMs) lateOld.push(a);
    } else if (firstNew === null || sinceCommit < firstNew) firstNew = sinceCommit;
    // Per client, in the order it sent (one request at a time); a replayed report repeats an old answer.
    if (a.client < 0 || a.replayed) return;
    const max = seen.get(a.client) ?? 0;
    if (v.generation < max)
      regressions.push(`client ${a.client}: ${a.route} answered ${v.generation} after ${max}`);
    seen.set(a.client, Math.max(max, v.generation));
  });
  const answered = answers.filter((a) => typeof a.status === 'number');
  for (const r of routes.values()) {
    const ms = answered.filter((a) => a.route === r.route).map((a) => a.ms);
    r.p50Ms = percentile(ms, 50);
    r.p99Ms = percentile(ms, 99);
  }
  return {
    routes: [...routes.values()],
    requests: answers.length,
    byGeneration,
    mixes,
    regressions,
    lateOld,
    lastOldMs: lastOld,
    firstNewMs: firstNew,
    p50Ms: percentile(
      answered.map((a) => a.ms),
      50,
    ),
    p99Ms: percentile(
      answered.map((a) => a.ms),
      99,
    ),
    other5xx: answers.filter((a) => typeof a.status === 'number' && a.status >= 500 && a.status !== 503)
      .length,
    unexpected: answers.filter(
      (a) =>
        typeof a.status === 'number' && a.status !== 503 && !(EXPECTED[a.route] ?? [200]).includes(a.status),
    ),
    timeouts: answers.filter((a) => a.status === 'timeout').length,
  };
}

const ms = (n: number) => `${Math.round(n)} ms`;
const s = (n: number | null) => (n === null ? '—' : `${(n / 1000).toFixed(1)} s`);
const gens = (m: Map<number, number>) =>
  [...m]
    .sort(([a], [b]) => a - b)
    .map(([g, n]) => `g${g} ${n}`)
    .join(', ') || '—';

/** The printed summary. */
export function formatPublishFigures(
  f: PublishFigures,
  publish: PublishRecord,
  stored: StoredCheck,
  wallMs: number,
  extra: [string, string | number][] = [],
): string {
  const steps = publish.steps.map((st) => `${st.name} ${st.status} ${ms(st.ms)}`).join(', ');
  const rows: [string, string | number][] = [
    ['requests (all clients)', f.requests],
    ...f.routes.map((r): [string, string] => [
      `  ${r.route}`,
      `${r.requests}: ${gens(r.byGeneration)}${r.other.size ? `; other ${[...r.other].map(([k, n]) => `${n}×${k}`).join(' ')}` : ''}; p50 ${ms(r.p50Ms)} p99 ${ms(r.p99Ms)}`,
    ]),
    ['answers by generation', gens(f.byGeneration)],
    ...extra,
    ['mixes found (must be 0)', f.mixes.length],
    ['per-client regressions new → old (must be 0)', f.regressions.length],
    ['old answers sent after publish + TTL + margin (must be 0)', f.lateOld.length],
    ['publish → last old-generation answer (request sent)', s(f.lastOldMs)],
    ['publish → first new-generation answer (request sent)', s(f.firstNewMs)],
    ['publish request (sent → answered)', s(publish.answeredAt - publish.sentAt)],
    ['commit (published_at) after publish was sent', s(publish.publishedAt - publish.sentAt)],
    ['latency p50 / p99 (all answered requests)', `${ms(f.p50Ms)} / ${ms(f.p99Ms)}`],
    ['unexpected statuses (must be 0)', f.unexpected.length],
    ['other 5xx (must be 0) / client timeouts', `${f.other5xx} / ${f.timeouts}`],
    [
      'reports read back: same generation / followed to new / problems',
      `${stored.same} / ${stored.followed} / ${stored.problems.length}`,
    ],
    ['wall time', s(wallMs)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
  lines.push(`  planner: ${steps}`);
  lines.push(
    `  published generation ${publish.generation}: +${publish.added.join(', +')}, reshaped ${publish.reshape.blocks.join('/')}; ${JSON.stringify(publish.result)}`,
  );
  return `publish-under-load run (${new Date().toISOString()}, ${process.platform} ${process.arch}, node ${process.version})\n${lines.join('\n')}`;
}
