// OpenAPI descriptions of incident responses (the records themselves are built by core/incidents/views).
import { z } from 'zod';
import { areaRefSchema, blockRefSchema } from './schemas.js';

const point = z.tuple([z.number(), z.number()]).nullable();

export const incidentViewSchema = z
  .object({
    id: z.string(),
    category: z.string(),
    class: z.enum(['A', 'B', 'C', 'D']),
    status: z.string(),
    block: blockRefSchema,
    community_code: z.string(),
    township_code: z.string(),
    generation: z.number().int(),
    point: point.meta({ description: 'null for sensitive incidents (shown by block only)' }),
    location_hidden: z.boolean(),
    description: z.string().nullable(),
    reported_at: z.string(),
    updated_at: z.string(),
    sla: z.object({ respond_by: z.string(), resolve_by: z.string() }),
    rating: z.number().nullable(),
  })
  .passthrough()
  .meta({ id: 'IncidentView', description: 'fields beyond these depend on who asks (reporter, staff)' });

export const nearbySchema = z
  .object({
    incidents: z.array(
      z.object({
        id: z.string(),
        category: z.string(),
        status: z.string(),
        reported_at: z.string(),
        distance_m: z.number(),
        block: blockRefSchema,
      }),
    ),
  })
  .meta({ id: 'NearbyOpen' });

export const createdSchema = z
  .object({
    id: z.string(),
    receipt: z
      .string()
      .meta({ description: 'secret: keep it to follow and rate the report without an account' }),
    block: blockRefSchema,
    community: areaRefSchema,
    township: areaRefSchema,
    generation: z.number().int(),
    class: z.enum(['A', 'B', 'C', 'D']),
    status: z.string(),
    sla: z.object({ respond_by: z.string(), resolve_by: z.string() }),
    nearby_open: nearbySchema.shape.incidents,
  })
  .meta({ id: 'IncidentCreated' });

export const eventViewSchema = z
  .object({
    seq: z.number().int(),
    action: z.string(),
    at: z.string(),
    from: z.string().nullable(),
    to: z.string(),
    note: z.string().nullable(),
  })
  .passthrough()
  .meta({ id: 'IncidentEventView' });
