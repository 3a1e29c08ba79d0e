// OpenAPI descriptions of the Open311 (GeoReport v2) records; the records themselves are built in
// services.ts and mapping.ts. XML carries the same fields as elements (the spec's Spark convention).
import { z } from 'zod';
import type { Format } from './respond.js';

export const open311ServiceSchema = z
  .object({
    service_code: z.string().meta({ example: 'sanitation' }),
    service_name: z.string().meta({ example: '环境卫生' }),
    description: z.string().meta({ example: 'Sanitation' }),
    metadata: z.boolean(),
    type: z.enum(['realtime', 'batch', 'blackbox']),
    keywords: z.string(),
    group: z.string(),
  })
  .meta({ id: 'Open311Service' });

const attributeSchema = z.object({
  variable: z.boolean(),
  code: z.string(),
  datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
  required: z.boolean(),
  datatype_description: z.string().nullable(),
  order: z.number().int(),
  description: z.string(),
});

export const open311ServiceDefinitionSchema = z
  .object({
    service_code: z.string(),
    attributes: z
      .array(attributeSchema)
      .meta({ description: 'always empty: our services have no extra fields' }),
  })
  .meta({ id: 'Open311ServiceDefinition' });

const time = z.string().meta({ example: '2026-11-22T16:05:09+08:00' });

export const open311RequestSchema = z
  .object({
    service_request_id: z.string(),
    status: z.enum(['open', 'closed']),
    status_notes: z
      .string()
      .meta({ description: 'our state (reported, in_progress, …; rejected: <reason>)' }),
    service_name: z.string(),
    service_code: z.string(),
    description: z.string().nullable().meta({ description: 'null for sensitive incidents' }),
    agency_responsible: z
      .string()
      .meta({ description: 'block (A), township (B), department (C), 快速处置中心 (D)' }),
    service_notice: z.string(),
    requested_datetime: time,
    updated_datetime: time,
    expected_datetime: time.meta({ description: 'the resolve-by deadline of the class' }),
    address: z.string().meta({ description: 'block, community, township, district' }),
    address_id: z.string().meta({ description: 'the block id' }),
    zipcode: z.null(),
    lat: z.number().nullable().meta({ description: 'null for sensitive incidents (shown by block only)' }),
    long: z.number().nullable().meta({ description: 'null for sensitive incidents (shown by block only)' }),
    media_url: z.null().meta({ description: 'photos are never published' }),
  })
  .meta({ id: 'Open311Request' });

export const open311CreatedSchema = z
  .object({
    service_request_id: z.string(),
    token: z
      .string()
      .meta({ description: 'our receipt (secret): GET tokens/{token} and the resident’s follow-up use it' }),
    service_notice: z.string(),
    account_id: z.null(),
  })
  .meta({ id: 'Open311Created' });

export const open311TokenSchema = z
  .object({ service_request_id: z.string(), token: z.string() })
  .meta({ id: 'Open311Token' });

export const open311ErrorsSchema = z
  .array(
    z.object({
      code: z.number().int().meta({ description: 'the HTTP status', example: 422 }),
      description: z.string().meta({
        description: 'starts with our stable code, then what to fix',
        example: 'OUTSIDE_DISTRICT: point 112.5,27.9 (wgs84) is outside Yuhu District; …',
      }),
    }),
  )
  .meta({ id: 'Open311Errors' });

const XML = { 'text/xml': { schema: z.string().meta({ description: 'the same fields as XML elements' }) } };

/** Response content for one format, or for both when the format is a path parameter. */
export function content(schema: z.ZodType, format?: Format) {
  const json = { 'application/json': { schema } };
  if (format === 'json') return json;
  if (format === 'xml') return XML;
  return { ...json, ...XML };
}

/** The spec's error responses, in the format(s) of the route. */
export function errorResponses(codes: readonly (400 | 403 | 404 | 422 | 503)[], format?: Format) {
  const why: Record<number, string> = {
    400: 'Invalid request (the description names the field)',
    403: 'Missing or invalid api_key',
    404: 'Not found (unknown service_code, request, token or format)',
    422: 'Valid request we refuse (OUTSIDE_DISTRICT, DUPLICATE_SUBMISSION)',
    503: 'Store unavailable; retry after Retry-After seconds',
  };
  return Object.fromEntries(
    codes.map((code) => [code, { description: why[code], content: content(open311ErrorsSchema, format) }]),
  );
}
