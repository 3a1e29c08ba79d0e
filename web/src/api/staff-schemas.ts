// zod schemas of the staff and upload answers: incident lists, hot spots, H3 heat, notifications, tokens.
import { z } from 'zod';
import { notificationSchema } from '../../../core/notifications/notification';
import { incidentViewSchema } from './schemas';

export const incidentListSchema = z.object({
  incidents: z.array(incidentViewSchema),
  cursor: z.string().nullable(),
});
export type IncidentList = z.infer<typeof incidentListSchema>;

export const overdueSchema = z.object({
  incidents: z.array(incidentViewSchema.extend({ overdue_minutes: z.number() })),
});

export const blockHotspotSchema = z.object({
  block_id: z.string(),
  count: z.number(),
  rate: z.number().nullable(),
  z: z.number(),
  p: z.number(),
  bin: z.number().int(),
  trend: z.string(),
  pattern: z.string(),
});
export type BlockHotspot = z.infer<typeof blockHotspotSchema>;

export const hotspotsSchema = z.object({
  generation: z.number().int(),
  window: z.string(),
  start: z.string(),
  end: z.string(),
  blocks: z.array(blockHotspotSchema),
  summary: z
    .object({
      by_bin: z.record(z.string(), z.number()).optional(),
      total_count: z.number().optional(),
    })
    .loose(),
});
export type Hotspots = z.infer<typeof hotspotsSchema>;

const ring = z.array(z.tuple([z.number(), z.number()]).or(z.array(z.number()).min(2)));
export const hexSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ h3: z.string(), count: z.number() }),
      geometry: z.object({ type: z.literal('Polygon'), coordinates: z.array(ring) }),
    }),
  ),
  res: z.number().optional(),
});
export type Hexagons = z.infer<typeof hexSchema>;

export const notificationsSchema = z.object({
  notifications: z.array(notificationSchema),
  latest: z.string().nullable(),
});
export { notificationSchema };
export type Notification = z.infer<typeof notificationSchema>;

export const devTokenSchema = z.object({
  token: z.string(),
  role: z.string(),
  sub: z.string(),
  expires_in: z.number(),
});
