// The incident record, its events, and the request shapes that create and change it (zod, shared by API and web).
import { z } from 'zod';
import { DEPARTMENT_KEYS } from '../geography/schemas.js';
import { INCIDENT_CATEGORY_KEYS, INCIDENT_CLASSES } from './categories.js';
import { ACTIONS, STATES } from './lifecycle.js';

/** Longest description a report may carry. */
export const MAX_DESCRIPTION = 2000;
/** Most photos per report. */
export const MAX_PHOTOS = 4;

export const categorySchema = z.enum(INCIDENT_CATEGORY_KEYS, {
  message: `category must be one of ${INCIDENT_CATEGORY_KEYS.join(', ')}`,
});
export const classSchema = z.enum(INCIDENT_CLASSES, { message: 'class must be A, B, C or D' });
export const stateSchema = z.enum(STATES);
export const actionSchema = z.enum(ACTIONS, { message: `action must be one of ${ACTIONS.join(', ')}` });

const phone = z
  .string()
  .trim()
  .regex(/^[+\d][\d\s-]{5,19}$/, 'phone must be 6–20 digits (spaces and dashes allowed)');

export const contactSchema = z
  .object({ name: z.string().trim().max(40).optional(), phone: phone.optional() })
  .meta({ id: 'Contact', description: 'private: seen only by the assigned cadre and dispatchers' });

/** POST /api/incidents body. Coordinates are checked separately (INVALID_COORDINATES / OUTSIDE_DISTRICT). */
export const createIncidentSchema = z
  .object({
    lon: z.number({ message: 'lon must be a number' }),
    lat: z.number({ message: 'lat must be a number' }),
    crs: z.enum(['wgs84', 'gcj02']).default('wgs84'),
    category: categorySchema,
    description: z
      .string()
      .trim()
      .min(2, 'describe the problem in a few words')
      .max(MAX_DESCRIPTION, `description is limited to ${MAX_DESCRIPTION} characters`),
    severity: z
      .number()
      .int()
      .min(1)
      .max(3)
      .default(1)
      .meta({ description: '1 minor, 2 serious, 3 danger to life or property' }),
    at_home: z
      .boolean()
      .default(false)
      .meta({ description: 'the problem is at the reporter’s home (kept private)' }),
    photos: z
      .array(
        z
          .string()
          .regex(
            /^uploads\/[A-Za-z0-9/_-]{8,120}\.(jpg|png|webp)$/,
            'photos are keys returned by POST /api/uploads',
          ),
      )
      .max(MAX_PHOTOS, `at most ${MAX_PHOTOS} photos`)
      .default([]),
    contact: contactSchema.optional(),
  })
  .strict()
  .meta({ id: 'CreateIncident' });
export type CreateIncident = z.infer<typeof createIncidentSchema>;

export const rejectReasonSchema = z.enum(['duplicate', 'not_our_responsibility', 'invalid']);

/** POST /api/incidents/:id/transitions body. */
export const transitionRequestSchema = z
  .object({
    action: actionSchema,
    note: z.string().trim().max(1000).optional(),
    /** Internal notes are never shown to the reporter or the public. */
    internal: z.boolean().default(false),
    class: classSchema.optional(),
    assignee: z.string().min(1).max(40).optional(),
    department: z.enum(DEPARTMENT_KEYS).optional(),
    rating: z.number().int().min(1).max(5).optional(),
    reason: rejectReasonSchema.optional(),
    duplicate_of: z.string().min(1).max(40).optional(),
    receipt: z.string().min(16).max(64).optional().meta({ description: 'the reporter proves it is theirs' }),
  })
  .strict()
  .meta({ id: 'TransitionRequest' });
export type TransitionRequest = z.infer<typeof transitionRequestSchema>;

/** The stored incident. */
export interface Incident {
  id: string;
  version: number;
  status: (typeof STATES)[number];
  category: (typeof INCIDENT_CATEGORY_KEYS)[number];
  class: (typeof INCIDENT_CLASSES)[number];
  severity: number;
  description: string;
  at_home: boolean;
  /** Sensitive incidents never show their exact point publicly (PIPL). */
  sensitive: boolean;
  lon: number;
  lat: number;
  h3_10: string;
  block_id: string;
  block_name: string;
  community_code: string;
  township_code: string;
  generation: number;
  photos: string[];
  contact?: { name?: string; phone?: string };
  reporter: string;
  receipt_hash: string;
  assignee?: string;
  escalated_to?: string;
  reported_at: string;
  responded_at?: string;
  accepted_at?: string;
  started_at?: string;
  resolved_at?: string;
  closed_at?: string;
  respond_by: string;
  resolve_by: string;
  rating?: number;
  reject_reason?: string;
  duplicate_of?: string;
  updated_at: string;
  source?: 'seed' | 'api' | 'open311';
  /**
   * Where the report is counted when that differs from `block_id`: a closed report keeps the block it
   * was located in, but after a boundary change its daily counts move to the block its point lies in now.
   */
  counted_block?: string;
  counted_township?: string;
}

/** One immutable entry of the audit trail. */
export interface IncidentEvent {
  incident_id: string;
  seq: number;
  action: (typeof ACTIONS)[number] | 'report' | 'move_block';
  actor: string;
  role: string;
  at: string;
  from: string | null;
  to: string;
  note?: string;
  public: boolean;
  class_from?: string;
  class_to?: string;
  assignee?: string;
  escalated_to?: string;
  rating?: number;
}
