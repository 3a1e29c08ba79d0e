// zod schemas shared by several routes: references to blocks/areas, query helpers, error responses.
import { z } from 'zod';
import { errorBodySchema } from '../http/errors.js';

export const crsSchema = z
  .enum(['wgs84', 'gcj02'], { message: 'crs must be wgs84 or gcj02' })
  .default('wgs84')
  .meta({ description: 'coordinate system of the input: WGS84 (GPS) or GCJ-02 (Chinese web maps)' });

export const generationParam = z.coerce
  .number({ message: 'generation must be a positive integer' })
  .int('generation must be a positive integer')
  .positive('generation must be a positive integer')
  .optional()
  .meta({ description: 'boundary generation; default: the current one' });

export const blockRefSchema = z.object({ id: z.string(), name: z.string() }).meta({ id: 'BlockRef' });
export const areaRefSchema = z.object({ code: z.string(), name: z.string() }).meta({ id: 'AreaRef' });

export const locationSchema = z
  .object({
    block: blockRefSchema,
    community: areaRefSchema,
    township: areaRefSchema,
    generation: z.number().int(),
  })
  .meta({ id: 'Location' });

const json = (description: string) => ({
  description,
  content: { 'application/json': { schema: errorBodySchema } },
});

/** Standard error responses for the OpenAPI document. */
export const errors = {
  400: json('Invalid request: the message says which field and how to fix it'),
  401: json('Missing or invalid token'),
  403: json('The role may not do this'),
  404: json('Not found'),
  412: json('Stale version (If-Match)'),
  413: json('Too large: the message gives the limit'),
  422: json('Valid request the domain refuses (e.g. OUTSIDE_DISTRICT)'),
  503: json('Store unavailable or no data yet; retry after Retry-After seconds'),
} as const;

/** A comma-separated query parameter whose values must all be in `allowed` (400 names the bad ones). */
export const csvEnum = <T extends string>(allowed: readonly T[], name: string) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return undefined;
      const parts = raw
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      const bad = parts.filter((p) => !(allowed as readonly string[]).includes(p));
      if (bad.length)
        ctx.addIssue({
          code: 'custom',
          message: `${name} ${bad.join(', ')} unknown; use ${allowed.join(', ')}`,
        });
      return parts as T[];
    });
