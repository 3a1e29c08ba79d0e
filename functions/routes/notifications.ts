// Staff notifications: recent ones for the caller, and a live Server-Sent Events stream of new ones.
// Lambda cannot hold a stream open, so there the stream ends after ~8 s or its first batch and the
// client reconnects with its last position (docs/uploads-and-notifications.md).
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import {
  type Notification,
  notificationPosition,
  notificationSchema,
} from '../../core/notifications/notification.js';
import { requires } from '../http/auth.js';
import type { AppEnv } from '../http/context.js';
import { validationHook } from '../http/validation.js';
import { errorFields } from '../logger.js';
import { notificationsOf } from '../services/notifier.js';
import { errors } from './schemas.js';

/** Staff who may read notifications (same roles as full incident views); see the report for `notifications:read`. */
const READ = 'incidents:read-full' as const;
/** How often the stream polls the outbox. */
export const STREAM_POLL_MS = 3_000;
/** Within one connection, re-read this far back so late-arriving index entries are not missed. */
const STREAM_LOOKBACK_MS = 60_000;
const STREAM_BATCH = 200;
const inLambda = () => Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME);
/** How long one stream stays open: under API Gateway's 30 s in Lambda, ten minutes locally. */
// Below the function timeout (10 s): a buffered Lambda response must finish before it.
export const streamMaxMs = () => (inLambda() ? 8_000 : 10 * 60_000);

const position = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z(#[A-Za-z0-9:._-]{1,160})?$/,
    'since must be an ISO time (2025-06-01T08:00:00Z) or the `latest` / event id you were given',
  );

const routes = {
  list: createRoute({
    method: 'get',
    path: '/notifications',
    tags: ['notifications'],
    summary: 'Recent notifications for the caller (newest first; default: the last 24 hours, at most 7 days)',
    middleware: [requires(READ)] as const,
    request: {
      query: z.object({
        since: position.optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    responses: {
      200: {
        description:
          'Notifications addressed to the caller, their department or township (or all, for district staff)',
        content: {
          'application/json': {
            schema: z.object({
              notifications: z.array(notificationSchema),
              latest: z.string().nullable().meta({ description: 'pass as `since` to the stream' }),
            }),
          },
        },
      },
      400: errors[400],
      401: errors[401],
      403: errors[403],
      503: errors[503],
    },
  }),
  stream: createRoute({
    method: 'get',
    path: '/notifications/stream',
    tags: ['notifications'],
    summary:
      'Server-Sent Events: `ready`, then one `notification` event per new notification (id = position); reconnect with Last-Event-ID or since',
    middleware: [requires(READ)] as const,
    request: { query: z.object({ since: position.optional() }) },
    responses: {
      200: {
        description: 'text/event-stream; ends after ~8 s in Lambda (reconnect), ten minutes locally',
        content: { 'text/event-stream': { schema: z.string() } },
      },
      400: errors[400],
      401: errors[401],
      403: errors[403],
    },
  }),
};

export const notificationRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(routes.list, async (c) => {
    const { since, limit } = c.req.valid('query');
    const service = notificationsOf(c.get('services'));
    const from = since ?? new Date(Date.now() - 86_400_000).toISOString();
    const notifications = await service.recent(service.audience(c.get('principal')), from, limit, 'desc');
    c.header('Cache-Control', 'private, no-store');
    return c.json(
      { notifications, latest: notifications[0] ? notificationPosition(notifications[0]) : null },
      200,
    );
  })
  .openapi(routes.stream, async (c) => {
    const service = notificationsOf(c.get('services'));
    const filter = service.audience(c.get('principal'));
    const lastEventId = c.req.header('Last-Event-ID');
    const floor =
      (lastEventId && position.safeParse(lastEventId).success ? lastEventId : undefined) ??
      c.req.valid('query').since ??
      new Date().toISOString();
    const log = c.get('log');
    const maxMs = streamMaxMs();
    const lambda = inLambda();
    return streamSSE(c, async (stream) => {
      let open = true;
      stream.onAbort(() => {
        open = false;
      });
      await stream.writeSSE({
        event: 'ready',
        data: JSON.stringify({ poll_ms: STREAM_POLL_MS, max_ms: maxMs }),
        retry: 3_000,
      });
      const seen = new Set<string>();
      let since = floor;
      const started = Date.now();
      while (open && !stream.aborted && Date.now() - started < maxMs) {
        let batch: Notification[];
        try {
          batch = await service.recent(filter, since, STREAM_BATCH, 'asc');
        } catch (err) {
          log.warn('notification stream poll failed', errorFields(err));
          await stream.writeSSE({ event: 'error', data: 'the store is unavailable; reconnect shortly' });
          return;
        }
        // A full batch: continue right after it. Otherwise re-read the last minute of wall-clock time
        // (items appear in the index shortly after their created_at); `seen` drops the repeats.
        const lookback = new Date(Date.now() - STREAM_LOOKBACK_MS).toISOString();
        since =
          batch.length === STREAM_BATCH
            ? notificationPosition(batch[batch.length - 1])
            : [lookback, floor].sort()[1];
        let sent = 0;
        for (const n of batch) {
          const at = notificationPosition(n);
          if (seen.has(n.id) || at <= floor) continue;
          seen.add(n.id);
          await stream.writeSSE({ event: 'notification', id: at, data: JSON.stringify(n) });
          sent++;
        }
        // Lambda buffers the whole response: answer as soon as there is news (long polling).
        if (lambda && sent > 0) return;
        await stream.sleep(STREAM_POLL_MS);
      }
    });
  });
