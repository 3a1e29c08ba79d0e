// What the notification flow needs from the outside: a sender per channel and the outbox in the table.
import type { RecipientFilter } from './audience.js';
import type { Notification } from './notification.js';

/** Delivers one notification (SMS, WeChat; a log line locally). Must be idempotent by `n.id`. */
export interface NotificationSender {
  send(n: Notification): Promise<void>;
}

export interface OutboxStore {
  /** Undelivered notifications, oldest first. */
  pending(limit: number): Promise<Notification[]>;
  /** Leases a pending notification to one deliverer until `until`; false if delivered or leased by another. */
  claim(id: string, until: string, now: string): Promise<boolean>;
  /** Marks delivered only if still pending; false when it already was (so repeats are harmless). */
  markDelivered(id: string, at: string): Promise<boolean>;
  /** Adds a notification unless one with its id exists; false for a repeat. */
  add(n: Notification): Promise<boolean>;
  /**
   * Notifications for `filter` positioned after `since` (an ISO time, or a `<created_at>#<id>` position),
   * oldest first (`asc`) or newest first (`desc`), at most `limit`.
   */
  recent(
    filter: RecipientFilter,
    since: string,
    limit: number,
    order?: 'asc' | 'desc',
  ): Promise<Notification[]>;
}
