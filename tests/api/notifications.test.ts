// Notifications: reports and transitions fill the outbox, delivery is at-least-once and never doubles
// under concurrency, staff read only what is theirs, the SSE stream pushes new ones, SLA warnings dedupe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '../../core/notifications/notification.js';
import type { NotificationSender } from '../../core/notifications/ports.js';
import { issueToken } from '../../functions/http/auth.js';
import type { AppServices } from '../../functions/http/context.js';
import { createLogger } from '../../functions/logger.js';
import {
  createLogSender,
  DELIVERY_LEASE_MS,
  deliverPending,
  NotificationService,
  scanSlaWarnings,
  startNotifier,
} from '../../functions/services/notifier.js';
import { createOutboxStore, type OutboxStore } from '../../functions/store/outbox-store.js';
import { createSeededStack } from '../helpers/store.js';

const BAISHI = { lon: 112.883623, lat: 27.855486 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Counts every send (no deduplication of its own), optionally slow, to expose double delivery. */
function countingSender(delayMs = 0): NotificationSender & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async send(n) {
      calls.push(n.id);
      if (delayMs) await sleep(delayMs);
    },
  };
}

/** Reads SSE blocks until one has `event: <name>` (and `data` matching), or times out; then closes the stream. */
async function readEvent(
  res: Response,
  name: string,
  match: (data: Notification) => boolean = () => true,
  timeoutMs = 10_000,
) {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const chunk = await Promise.race([reader.read(), sleep(deadline - Date.now()).then(() => null)]);
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
      for (const block of text.split('\n\n').slice(0, -1)) {
        const lines = block.split('\n');
        const field = (f: string) => lines.find((l) => l.startsWith(`${f}: `))?.slice(f.length + 2);
        const data = JSON.parse(field('data') ?? 'null');
        if (lines.includes(`event: ${name}`) && match(data)) return { id: field('id'), data, text };
      }
    }
    throw new Error(`no "${name}" event within ${timeoutMs} ms; got: ${text}`);
  } finally {
    await reader.cancel().catch(() => {});
  }
}

describe('notifications', () => {
  let stack: Awaited<ReturnType<typeof createSeededStack>>;
  let outbox: OutboxStore;
  let tokens: Record<'dispatcher' | 'cadre' | 'otherCadre' | 'resident' | 'townDispatcher', string>;
  let incidentId: string;
  let respondBy: string;
  const started = new Date(Date.now() - 1000).toISOString();

  const request = (path: string, token?: string, init: RequestInit = {}) =>
    stack.app.request(path, {
      ...init,
      headers: {
        'Content-Type': 'application/json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(init.headers as Record<string, string>),
      },
    });

  beforeAll(async () => {
    stack = await createSeededStack();
    outbox = createOutboxStore(stack.runtime.clients.doc, stack.config.TABLE_NAME);
    (stack.runtime.services as AppServices & { notifications: NotificationService }).notifications =
      new NotificationService(
        outbox,
        countingSender(),
        stack.runtime.services.incidents.store,
        stack.runtime.services.logger,
      );
    const issue = (sub: string, role: 'dispatcher' | 'cadre' | 'resident', township?: string) =>
      issueToken(stack.config, { sub, role, ...(township ? { township } : {}) });
    tokens = {
      dispatcher: await issue('disp-district', 'dispatcher'),
      townDispatcher: await issue('disp-town', 'dispatcher', '430302999'),
      cadre: await issue('cadre-note-1', 'cadre'),
      otherCadre: await issue('cadre-note-2', 'cadre'),
      resident: await issue('resident-1', 'resident'),
    };
  });
  afterAll(() => stack.cleanup());

  it('writes an outbox item for a D-class report and for an assignment', async () => {
    const report = await request('/api/incidents', undefined, {
      method: 'POST',
      headers: { 'Idempotency-Key': 'notify-d-class-0001' },
      body: JSON.stringify({
        ...BAISHI,
        category: 'sanitation',
        severity: 3,
        description: '电线掉落在人行道上',
      }),
    });
    expect(report.status).toBe(201);
    const created = await report.json();
    expect(created.class).toBe('D');
    incidentId = created.id;
    respondBy = created.sla.respond_by;
    const assign = await request(`/api/incidents/${incidentId}/transitions`, tokens.dispatcher, {
      method: 'POST',
      headers: { 'If-Match': '"1"' },
      body: JSON.stringify({ action: 'assign', assignee: 'cadre-note-1' }),
    });
    expect(assign.status).toBe(200);

    const pending = await outbox.pending(100);
    expect(pending.map((n) => [n.id, n.kind, n.recipient])).toEqual(
      expect.arrayContaining([
        [`${incidentId}-1-0`, 'emergency', 'leadership'],
        [`${incidentId}-2-0`, 'assignment', 'cadre-note-1'],
      ]),
    );
    expect(pending.every((n) => n.delivered_at === null)).toBe(true);
  });

  it('shows a cadre only their own, a district dispatcher everything; residents may not look', async () => {
    const mine = await (await request('/api/notifications', tokens.cadre)).json();
    expect(mine.notifications.map((n: Notification) => n.id)).toEqual([`${incidentId}-2-0`]);
    expect(mine.latest).toBe(`${mine.notifications[0].created_at}#${incidentId}-2-0`);
    const other = await (await request('/api/notifications', tokens.otherCadre)).json();
    expect(other.notifications).toEqual([]);
    const town = await (await request('/api/notifications', tokens.townDispatcher)).json();
    expect(town.notifications).toEqual([]);
    const all = await (await request(`/api/notifications?since=${started}`, tokens.dispatcher)).json();
    expect(all.notifications.map((n: Notification) => n.id)).toEqual([
      `${incidentId}-2-0`,
      `${incidentId}-1-0`,
    ]);
    expect((await request('/api/notifications', tokens.resident)).status).toBe(403);
    expect((await request('/api/notifications')).status).toBe(401);
    expect((await request('/api/notifications?since=yesterday', tokens.cadre)).status).toBe(400);
  });

  it('streams new notifications as Server-Sent Events', async () => {
    const res = await request(`/api/notifications/stream?since=${started}`, tokens.cadre);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
    const event = await readEvent(res, 'notification');
    expect(event.text.startsWith('event: ready')).toBe(true);
    expect(event.data).toMatchObject({
      id: `${incidentId}-2-0`,
      kind: 'assignment',
      recipient: 'cadre-note-1',
    });
    expect(event.id).toBe(`${event.data.created_at}#${event.data.id}`);
  });

  it('resumes after Last-Event-ID without repeating what the client has', async () => {
    const res = await request('/api/notifications/stream', tokens.dispatcher, {
      headers: { 'Last-Event-ID': `${new Date(Date.parse(respondBy) - 86_400_000).toISOString()}#x` },
    });
    const first = await readEvent(res, 'notification');
    expect(first.data.id).toBe(`${incidentId}-1-0`);
    const resumed = await request('/api/notifications/stream', tokens.dispatcher, {
      headers: { 'Last-Event-ID': first.id! },
    });
    expect((await readEvent(resumed, 'notification')).data.id).toBe(`${incidentId}-2-0`);
  });

  it('delivers each pending notification exactly once, even with two runs at the same time', async () => {
    const sender = countingSender(30);
    const [a, b] = await Promise.all([deliverPending(outbox, sender), deliverPending(outbox, sender)]);
    expect(a.sent + b.sent).toBe(2);
    expect(a.skipped + b.skipped).toBe(2);
    expect(sender.calls.sort()).toEqual([`${incidentId}-1-0`, `${incidentId}-2-0`]);
    expect(await outbox.pending(100)).toEqual([]);
    expect(await deliverPending(outbox, sender)).toEqual({ sent: 0, skipped: 0, failed: 0 });
    expect(await outbox.markDelivered(`${incidentId}-1-0`, new Date().toISOString())).toBe(false);
    // Delivered ones are still listed (from the day partition), now with delivered_at.
    const all = await (await request(`/api/notifications?since=${started}`, tokens.dispatcher)).json();
    expect(all.notifications.map((n: Notification) => n.id)).toEqual([
      `${incidentId}-2-0`,
      `${incidentId}-1-0`,
    ]);
    expect(all.notifications.every((n: Notification) => n.delivered_at !== null)).toBe(true);
  });

  it('adds one SLA warning per deadline however often the scanner runs', async () => {
    const now = new Date(Date.parse(respondBy) - 10 * 60_000);
    const first = await scanSlaWarnings(stack.runtime.services.incidents.store, outbox, { now });
    expect(first.added).toBe(1);
    const again = await scanSlaWarnings(stack.runtime.services.incidents.store, outbox, {
      now: new Date(now.getTime() + 60_000),
    });
    expect(again).toEqual({ added: 0, existing: 1 });
    const pending = await outbox.pending(100);
    expect(pending.map((n) => [n.id, n.kind, n.recipient])).toEqual([
      [`${incidentId}-sla-${respondBy}`, 'sla_warning', 'cadre-note-1'],
    ]);
  });

  it('keeps a notification whose send failed and retries it once the lease has passed', async () => {
    const failing: NotificationSender = {
      send: async () => {
        throw new Error('SMS gateway down');
      },
    };
    expect(await deliverPending(outbox, failing)).toEqual({ sent: 0, skipped: 0, failed: 1 });
    const sender = countingSender();
    expect((await deliverPending(outbox, sender)).skipped).toBe(1); // still leased
    const later = () => new Date(Date.now() + DELIVERY_LEASE_MS + 1000);
    expect(await deliverPending(outbox, sender, { now: later })).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(sender.calls).toEqual([`${incidentId}-sla-${respondBy}`]);
  });

  it('logs each notification once with the local sender, however often it is sent', async () => {
    const lines: string[] = [];
    const sender = createLogSender(createLogger('info', {}, (line) => lines.push(line)));
    const n: Notification = {
      id: 'X-1-0',
      kind: 'assignment',
      recipient: 'cadre-note-1',
      message: 'incident X assigned to you',
      incident_id: 'X',
      created_at: new Date().toISOString(),
      delivered_at: null,
    };
    await sender.send(n);
    await sender.send(n);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      msg: 'notification',
      notification_id: 'X-1-0',
      recipient: 'cadre-note-1',
    });
  });

  it('pushes a notification created while the stream is open', async () => {
    const res = await request(`/api/notifications/stream?since=${new Date().toISOString()}`, tokens.cadre);
    const late: Notification = {
      id: `${incidentId}-9-0`,
      kind: 'escalation',
      recipient: 'cadre-note-1',
      message: 'pushed live',
      incident_id: incidentId,
      created_at: new Date().toISOString(),
      delivered_at: null,
    };
    const next = readEvent(res, 'notification', (n) => n.id === late.id);
    await sleep(200);
    late.created_at = new Date().toISOString();
    expect(await outbox.add(late)).toBe(true);
    expect(await outbox.add(late)).toBe(false);
    expect((await next).data).toMatchObject({ id: late.id, message: 'pushed live' });
  });

  it('runs a background loop that delivers pending notifications until stopped', async () => {
    const services = stack.runtime.services as AppServices & { notifications: NotificationService };
    const sender = services.notifications.sender as ReturnType<typeof countingSender>;
    const stop = startNotifier(services, 50);
    const deadline = Date.now() + 5_000;
    while ((await outbox.pending(10)).length > 0 && Date.now() < deadline) await sleep(50);
    await stop();
    expect(sender.calls).toContain(`${incidentId}-9-0`);
    expect(await outbox.pending(10)).toEqual([]);
  });
});
