// Notification delivery: the outbox is drained at least once through a pluggable sender (SMS/WeChat in
// production, a log line locally), SLA warnings are added by a scanner, and staff read recent ones.
import type { Principal } from '../../core/auth/principal.js';
import type { IncidentStore } from '../../core/incidents/ports.js';
import { notificationAudience, type RecipientFilter } from '../../core/notifications/audience.js';
import type { NotificationSender, OutboxStore } from '../../core/notifications/ports.js';
import { SLA_WARNING_LEAD_MS, slaWarning } from '../../core/notifications/sla-warning.js';
import type { AppServices } from '../http/context.js';
import { errorFields, type Logger } from '../logger.js';
import { createStoreClients } from '../store/client.js';
import { createOutboxStore } from '../store/outbox-store.js';

/** A claimed notification is retried by another deliverer after this long (crash, timeout). */
export const DELIVERY_LEASE_MS = 60_000;

export interface DeliveryReport {
  sent: number;
  /** Already delivered or being delivered by another worker. */
  skipped: number;
  failed: number;
}

/**
 * Sends every pending notification, then marks it delivered. At least once: a crash between send and
 * mark re-sends it later, so senders must be idempotent by id. A lease (conditional update) keeps two
 * concurrent runs from sending the same one.
 */
export async function deliverPending(
  outbox: OutboxStore,
  sender: NotificationSender,
  options: { now?: () => Date; limit?: number; log?: Logger } = {},
): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const report: DeliveryReport = { sent: 0, skipped: 0, failed: 0 };
  for (const n of await outbox.pending(options.limit ?? 50)) {
    const at = now();
    const until = new Date(at.getTime() + DELIVERY_LEASE_MS).toISOString();
    if (!(await outbox.claim(n.id, until, at.toISOString()))) {
      report.skipped++;
      continue;
    }
    try {
      await sender.send(n);
    } catch (err) {
      // Left pending: the lease expires and a later run retries.
      report.failed++;
      options.log?.warn('notification delivery failed', { notification_id: n.id, ...errorFields(err) });
      continue;
    }
    if (await outbox.markDelivered(n.id, now().toISOString())) report.sent++;
    else report.skipped++;
  }
  return report;
}

/**
 * Adds an `sla_warning` for every open incident whose current deadline is within 30 minutes (read from
 * the sparse open index, earliest deadline first). Ids name the deadline and the put is conditional, so
 * repeated scans add nothing new.
 */
export async function scanSlaWarnings(
  incidents: IncidentStore,
  outbox: OutboxStore,
  options: { now?: Date; pageSize?: number; maxPages?: number } = {},
): Promise<{ added: number; existing: number }> {
  const now = options.now ?? new Date();
  const dueBefore = new Date(now.getTime() + SLA_WARNING_LEAD_MS).toISOString();
  let cursor: string | undefined;
  let added = 0;
  let existing = 0;
  for (let page = 0; page < (options.maxPages ?? 20); page++) {
    const listed = await incidents.listOpen({ dueBefore, limit: options.pageSize ?? 100, cursor });
    for (const incident of listed.items) {
      const warning = slaWarning(incident, now);
      if (!warning) continue;
      if (await outbox.add(warning)) added++;
      else existing++;
    }
    if (!listed.cursor) break;
    cursor = listed.cursor;
  }
  return { added, existing };
}

/** The local sender: one structured log line per notification, each id at most once per process. */
export function createLogSender(
  logger: Logger,
  remember = 10_000,
): NotificationSender & { sent(): string[] } {
  const sent = new Set<string>();
  return {
    async send(n) {
      if (sent.has(n.id)) return;
      sent.add(n.id);
      if (sent.size > remember) sent.delete(sent.values().next().value as string);
      logger.info('notification', {
        notification_id: n.id,
        kind: n.kind,
        recipient: n.recipient,
        incident_id: n.incident_id,
        message: n.message,
      });
    },
    sent: () => [...sent],
  };
}

/** Delivery, SLA scans and reads of the outbox, for the routes and the background loop. */
export class NotificationService {
  constructor(
    readonly outbox: OutboxStore,
    readonly sender: NotificationSender,
    private readonly incidents: IncidentStore,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  deliverPending(limit = 50) {
    return deliverPending(this.outbox, this.sender, { now: this.now, limit, log: this.logger });
  }

  scanSlaWarnings() {
    return scanSlaWarnings(this.incidents, this.outbox, { now: this.now() });
  }

  audience(principal: Principal): RecipientFilter {
    return notificationAudience(principal);
  }

  recent(filter: RecipientFilter, since: string, limit: number, order: 'asc' | 'desc' = 'desc') {
    return this.outbox.recent(filter, since, limit, order);
  }
}

/** Builds the service from the app's DynamoDB client (runtime.ts) and the log sender. */
export function createNotificationService(
  outbox: OutboxStore,
  incidents: IncidentStore,
  logger: Logger,
  sender: NotificationSender = createLogSender(logger),
): NotificationService {
  return new NotificationService(outbox, sender, incidents, logger);
}

const built = new WeakMap<AppServices, NotificationService>();

/** `services.notifications` once wired in runtime.ts; until then one built from config per app. */
export function notificationsOf(services: AppServices): NotificationService {
  const wired = (services as AppServices & { notifications?: NotificationService }).notifications;
  if (wired) return wired;
  let service = built.get(services);
  if (!service) {
    const { config } = services;
    const clients = createStoreClients({
      region: config.AWS_REGION,
      endpoint: config.DYNAMODB_ENDPOINT,
      timeoutMs: config.STORE_TIMEOUT_MS,
    });
    service = createNotificationService(
      createOutboxStore(clients.doc, config.TABLE_NAME),
      services.incidents.store,
      services.logger,
    );
    built.set(services, service);
  }
  return service;
}

/**
 * One round of the notifier: SLA scan (when `scan`), then delivery. The local loop calls it every few
 * seconds; in the cloud a scheduled function (EventBridge, every minute) can call it with `scan: true`.
 */
export async function notifierRound(services: AppServices, scan: boolean) {
  const service = notificationsOf(services);
  // Work follows a boundary publish once more after every process has seen the new generation.
  if (scan)
    await services.planner.followRecent().catch((err: Error) => {
      // A failing follow-up must not stop SLA warnings and delivery; it is retried next round.
      services.logger.error('follow-up round failed', { error: err.message });
    });
  const sla = scan ? await service.scanSlaWarnings() : { added: 0, existing: 0 };
  const delivery = await service.deliverPending();
  return { sla, delivery };
}

/**
 * The local background loop: delivers pending notifications every `intervalMs` and scans for SLA
 * warnings every `slaEveryMs`. Returns a stop function that waits for the running round.
 */
export function startNotifier(
  services: AppServices,
  intervalMs = 2_000,
  slaEveryMs = 60_000,
): () => Promise<void> {
  const log = services.logger.child({ component: 'notifier' });
  let stopped = false;
  let lastScan = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let round: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      const scan = Date.now() - lastScan >= slaEveryMs;
      if (scan) lastScan = Date.now();
      const { sla, delivery } = await notifierRound(services, scan);
      if (sla.added) log.info('sla warnings added', sla);
      if (delivery.sent || delivery.failed) log.debug('notifications delivered', { ...delivery });
    } catch (err) {
      log.warn('notifier round failed', errorFields(err));
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      round = tick().then(schedule);
    }, intervalMs);
    timer.unref?.();
  };
  schedule();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await round;
  };
}
