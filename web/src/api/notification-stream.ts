// Live staff notifications: the SSE stream read with fetch() (EventSource cannot send Authorization), with
// reconnects from the last position, and polling of /api/notifications when streaming is not possible.
import { ApiError, apiUrl, authHeaders, errorOf } from './http';
import { getNotifications } from './staff';
import { type Notification, notificationSchema } from './staff-schemas';

export type FeedState = 'connecting' | 'live' | 'polling' | 'stopped';

export interface FeedOptions {
  /** The recent notifications at start (newest first), shown as history; not announced. */
  onHistory(list: Notification[]): void;
  /** A notification that arrived while the page was open (each id once). */
  onNotification(n: Notification): void;
  onState?(state: FeedState): void;
  /** Polling interval when the stream is unavailable. */
  pollMs?: number;
}

interface SseEvent {
  event: string;
  data: string;
  id: string | null;
}

/** Splits a text/event-stream into events; keeps an incomplete tail for the next chunk. */
export function parseSse(buffer: string): { events: SseEvent[]; rest: string } {
  const events: SseEvent[] = [];
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    let id: string | null = null;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
    events.push({ event, data: data.join('\n'), id });
  }
  return { events, rest };
}

/** Starts following; returns a function that stops it (aborts the stream and the timers). */
export function followNotifications(o: FeedOptions): () => void {
  const seen = new Set<string>();
  let since: string | null = null;
  let stopped = false;
  let controller: AbortController | null = null;
  let timer = 0;
  const state = (s: FeedState) => o.onState?.(s);
  const deliver = (n: Notification) => {
    if (seen.has(n.id)) return;
    seen.add(n.id);
    o.onNotification(n);
  };
  const wait = (ms: number) =>
    new Promise<void>((done) => {
      timer = window.setTimeout(done, ms);
    });

  /** Reads one stream until it ends; false when the stream could not be opened at all. */
  async function stream(): Promise<boolean> {
    controller = new AbortController();
    const url = apiUrl(`/api/notifications/stream${since ? `?since=${encodeURIComponent(since)}` : ''}`);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { Accept: 'text/event-stream', ...authHeaders() },
        signal: controller.signal,
        cache: 'no-store',
      });
    } catch {
      return false;
    }
    if (!response.ok || !response.body) {
      if (!response.ok) await errorOf(response);
      return false;
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        const parsed = parseSse(buffer);
        buffer = parsed.rest;
        for (const e of parsed.events) {
          if (e.event === 'ready') state('live');
          if (e.event !== 'notification') continue;
          const n = notificationSchema.safeParse(JSON.parse(e.data));
          if (!n.success) continue;
          if (e.id) since = e.id;
          deliver(n.data);
        }
      }
    } catch {
      // Aborted, or the connection dropped: the caller reconnects from `since`.
    }
    return true;
  }

  async function poll(): Promise<void> {
    try {
      const { notifications, latest } = await getNotifications(since ?? undefined);
      for (const n of [...notifications].reverse()) deliver(n);
      if (latest && (!since || latest > since)) since = latest;
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) stopped = true;
    }
  }

  async function run(): Promise<void> {
    state('connecting');
    try {
      const first = await getNotifications();
      for (const n of first.notifications) seen.add(n.id);
      since = first.latest ?? new Date().toISOString();
      o.onHistory(first.notifications);
    } catch {
      since = new Date().toISOString();
    }
    let failures = 0;
    while (!stopped) {
      const opened = await stream();
      if (stopped) break;
      if (opened) {
        failures = 0;
        await wait(1000);
        continue;
      }
      // No stream (proxy, old browser, server down): poll for a while, then try streaming again.
      failures++;
      state('polling');
      for (let k = 0; k < Math.min(8, 2 * failures) && !stopped; k++) {
        await poll();
        await wait(o.pollMs ?? 15_000);
      }
    }
    state('stopped');
  }
  void run();
  return () => {
    stopped = true;
    controller?.abort();
    window.clearTimeout(timer);
  };
}
