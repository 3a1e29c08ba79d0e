// POST requests.{json,xml}: the spec's form fields -> our CreateIncident, the api_key check, and the
// idempotency key a client retry maps to (Open311 has no Idempotency-Key header).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DomainError, ValidationError } from '../../../core/errors.js';
import { parseCoordinate } from '../../../core/geo/coordinates.js';
import {
  type CreateIncident,
  createIncidentSchema,
  MAX_DESCRIPTION,
} from '../../../core/incidents/incident.js';
import { findService, OPEN311_SERVICES } from './services.js';

/** Longest api_key we accept; any non-empty key up to this length is accepted (see docs/open311.md). */
export const MAX_API_KEY = 128;

const text = (max: number, description: string) =>
  z.string().max(max, `at most ${max} characters`).optional().meta({ description });

/** The spec's POST fields we read (others, e.g. attribute[…], are accepted and ignored). */
export const postRequestForm = z
  .object({
    api_key: z
      .string()
      .optional()
      .meta({ description: `required: any non-empty key of ≤ ${MAX_API_KEY} characters` }),
    jurisdiction_id: text(100, 'accepted and ignored: this endpoint serves one jurisdiction'),
    service_code: z
      .string({ message: 'service_code is required: one of the codes listed by services.json' })
      .meta({ example: 'sanitation' }),
    lat: z
      .string()
      .optional()
      .meta({ description: 'required: WGS84 latitude in degrees', example: '27.855486' }),
    long: z
      .string()
      .optional()
      .meta({ description: 'required: WGS84 longitude in degrees', example: '112.883623' }),
    address_string: text(250, 'accepted, not stored: the block found from lat/long is the address'),
    address_id: text(100, 'accepted and ignored'),
    description: z
      .string()
      .optional()
      .meta({ description: `required here: 2–${MAX_DESCRIPTION} characters` }),
    first_name: text(40, 'private: seen only by the assigned cadre and dispatchers'),
    last_name: text(40, 'private: seen only by the assigned cadre and dispatchers'),
    phone: text(40, 'private: seen only by the assigned cadre and dispatchers'),
    email: text(254, 'accepted, not stored (we keep as little personal data as we can)'),
    device_id: text(100, 'accepted and ignored'),
    account_id: text(100, 'accepted and ignored'),
    media_url: text(
      300,
      'a photo uploaded with POST /api/uploads: its key `uploads/…` or a URL ending in it',
    ),
  })
  .meta({ id: 'Open311PostRequest' });
export type PostRequestForm = z.infer<typeof postRequestForm>;

const UPLOAD_KEY = /(?:^|\/)(uploads\/[A-Za-z0-9/_-]{8,120}\.(?:jpg|png|webp))$/;

/** 403 unless an api_key is present (the spec: "403 - Missing or Invalid API Key"). */
export function checkApiKey(key: string | undefined): string {
  const trimmed = key?.trim() ?? '';
  if (!trimmed) {
    throw new DomainError(
      'API_KEY_REQUIRED',
      'send api_key with the form (POST requires it); ask the district for a key for your application',
      403,
    );
  }
  if (trimmed.length > MAX_API_KEY) {
    throw new DomainError('INVALID_API_KEY', `api_key is longer than ${MAX_API_KEY} characters`, 403);
  }
  return trimmed;
}

/** The point from the form; a clear 400 (INVALID_COORDINATES) naming lat/long when missing, not numbers or out of range. */
function coordinates(form: PostRequestForm): { lat: number; lon: number } {
  const problems: string[] = [];
  const read = (name: 'lat' | 'long', raw: string | undefined, limit: number) => {
    const v = parseCoordinate(raw);
    if (raw === undefined || raw.trim() === '') problems.push(`${name} is missing`);
    else if (!Number.isFinite(v)) problems.push(`${name} ${JSON.stringify(raw)} is not a number`);
    else if (Math.abs(v) > limit) problems.push(`${name} ${v} is outside -${limit}..${limit}`);
    return v;
  };
  const lat = read('lat', form.lat, 90);
  const lon = read('long', form.long, 180);
  if (problems.length > 0) {
    const swapped = Math.abs(lat) > 90 && Math.abs(lat) <= 180 && Math.abs(lon) <= 90;
    throw new ValidationError(
      `${problems.join('; ')}${swapped ? ' — lat and long look swapped' : ''}. Send lat and long in WGS84 degrees, ` +
        'e.g. lat=27.86&long=112.9 (an address_string or address_id alone cannot be placed in a block)',
      { lat: form.lat ?? null, long: form.long ?? null },
      'INVALID_COORDINATES',
    );
  }
  return { lat, lon };
}

/** "张" + "三" -> "张三"; "John" + "Smith" -> "John Smith". */
function fullName(first?: string, last?: string): string | undefined {
  const f = first?.trim() ?? '';
  const l = last?.trim() ?? '';
  if (!f && !l) return undefined;
  const cjk = /[\u3400-\u9fff]/;
  return cjk.test(f + l) ? `${l}${f}` : [f, l].filter(Boolean).join(' ');
}

/** Our field names -> the form's, so a 400 names the field the client sent. */
const FORM_FIELD: Record<string, string> = {
  category: 'service_code',
  lon: 'long',
  'contact.name': 'first_name/last_name',
  'contact.phone': 'phone',
  description: 'description',
};

/**
 * The report this form describes, validated by the same schema as POST /api/incidents. Throws 404
 * for an unknown service_code (the spec's choice) and 400 naming the form field for anything else.
 */
export function toCreateIncident(form: PostRequestForm): CreateIncident {
  const service = findService(form.service_code.trim());
  if (!service) {
    throw new DomainError(
      'NOT_FOUND',
      `service_code ${JSON.stringify(form.service_code)} does not exist; use one of ${OPEN311_SERVICES.map((s) => s.service_code).join(', ')}`,
      404,
      { service_code: form.service_code },
    );
  }
  const { lat, lon } = coordinates(form);
  if (!form.description?.trim()) {
    throw new ValidationError(
      `description is required: describe the problem in a few words (2–${MAX_DESCRIPTION} characters)`,
      { field: 'description' },
    );
  }
  let photos: string[] = [];
  if (form.media_url?.trim()) {
    const key = UPLOAD_KEY.exec(form.media_url.trim())?.[1];
    if (!key) {
      throw new ValidationError(
        'media_url must be a photo uploaded with POST /api/uploads (its key uploads/….jpg|png|webp, or a URL ending in it); we do not fetch media from other sites',
        { field: 'media_url' },
      );
    }
    photos = [key];
  }
  const name = fullName(form.first_name, form.last_name);
  const phone = form.phone?.trim() || undefined;
  const parsed = createIncidentSchema.safeParse({
    lon,
    lat,
    crs: 'wgs84',
    category: service.service_code,
    description: form.description,
    photos,
    ...(name || phone ? { contact: { ...(name ? { name } : {}), ...(phone ? { phone } : {}) } } : {}),
  });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const path = i.path.join('.');
      return {
        field: FORM_FIELD[path] ?? (path.startsWith('photos') ? 'media_url' : path),
        message: i.message,
      };
    });
    throw new ValidationError(`form is invalid — ${issues[0].field}: ${issues[0].message}`, {
      target: 'form',
      issues,
    });
  }
  return parsed.data;
}

/**
 * The idempotency key of a submission: the same client (api_key) sending the same report (service,
 * point, text) again within 24 h gets the first incident back instead of a duplicate.
 */
export function idempotencyKey(apiKey: string, report: CreateIncident): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([apiKey, report.category, report.lat, report.lon, report.description]))
    .digest('base64url');
  return `open311-${hash}`;
}
