// The notification record (one outbox item) as stored, listed and streamed; shared by API and web.
import { z } from 'zod';

export const NOTIFICATION_KINDS = [
  'assignment',
  'escalation',
  'emergency',
  'low_rating',
  'sla_warning',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationSchema = z
  .object({
    id: z
      .string()
      .meta({ description: 'deterministic: `<incident>-<event seq>-<n>` or `<incident>-sla-<deadline>`' }),
    kind: z.enum(NOTIFICATION_KINDS),
    recipient: z.string().meta({
      description: 'cadre id, `department:<key>`, `township:<code>`, `leadership` or `response_centre`',
    }),
    message: z.string(),
    incident_id: z.string(),
    created_at: z.string(),
    delivered_at: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

export type Notification = z.infer<typeof notificationSchema>;

/** The position of a notification in time order (`<created_at>#<id>`): the stream's cursor and SSE id. */
export const notificationPosition = (n: Pick<Notification, 'created_at' | 'id'>) => `${n.created_at}#${n.id}`;
