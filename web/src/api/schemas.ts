// zod schemas of the API's responses, built from core's record schemas: one domain model with the server.
import { z } from 'zod';
import {
  ASSET_KINDS,
  AssetPropertiesSchema,
  BlockPropertiesSchema,
  CommunityPropertiesSchema,
  TownshipPropertiesSchema,
} from '../../../core/geography/schemas';
import { INCIDENT_CATEGORY_KEYS, INCIDENT_CLASSES } from '../../../core/incidents/categories';
import { STATES } from '../../../core/incidents/lifecycle';

/** The error body every API error carries. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

const position = z.array(z.number()).min(2);
const areaGeometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) }),
]);
const anyGeometry = z.union([
  areaGeometry,
  z.object({ type: z.literal('Point'), coordinates: position }),
  z.object({ type: z.literal('LineString'), coordinates: z.array(position) }),
]);

const feature = <P extends z.ZodType, G extends z.ZodType>(properties: P, geometry: G) =>
  z.object({ type: z.literal('Feature'), properties, geometry });
const collection = <F extends z.ZodType>(f: F) =>
  z.object({ type: z.literal('FeatureCollection'), features: z.array(f) });

export const blockFeatureSchema = feature(BlockPropertiesSchema, areaGeometry);
export const blocksSchema = collection(blockFeatureSchema);
export const communitiesSchema = collection(feature(CommunityPropertiesSchema, areaGeometry));
export const townshipsSchema = collection(feature(TownshipPropertiesSchema, areaGeometry));
export const assetsSchema = collection(feature(AssetPropertiesSchema, anyGeometry));

export type BlockFeature = z.infer<typeof blockFeatureSchema>;
export type Blocks = z.infer<typeof blocksSchema>;
export type Communities = z.infer<typeof communitiesSchema>;
export type Townships = z.infer<typeof townshipsSchema>;
export type Assets = z.infer<typeof assetsSchema>;
export type AssetFeature = Assets['features'][number];
export type AreaGeometry = z.infer<typeof areaGeometry>;

export const generationSchema = z.object({
  generation: z.number().int().positive(),
  published_at: z.string(),
  block_count: z.number().int(),
});

const ref = z.object({ id: z.string(), name: z.string() });
const area = z.object({ code: z.string(), name: z.string() });

export const locationSchema = z.object({
  block: ref,
  community: area,
  township: area,
  generation: z.number().int(),
});
export type Location = z.infer<typeof locationSchema>;

const person = z.object({
  id: z.string(),
  name: z.string(),
  role_title: z.string(),
  unit: z.string(),
  phone: z.string(),
});
export type Person = z.infer<typeof person>;

export const blockDetailSchema = z.object({
  block: blockFeatureSchema,
  community: area.extend({ type: z.string() }),
  township: area.extend({ type: z.string() }),
  generation: z.number().int(),
  duty_phone: z.string(),
  cadres: z.object({
    governor: person.nullable(),
    assistants: z.array(person),
    supervisor: person.nullable(),
  }),
  doctor_team: z.object({ id: z.string(), name: z.string(), lead: z.string(), phone: z.string() }).nullable(),
  assets: z.array(z.object({ id: z.string(), kind: z.enum(ASSET_KINDS), name: z.string() })),
  /** Incidents of the block still being worked; absent from servers older than the incident API. */
  open_incidents: z
    .object({
      total: z.number().int(),
      overdue: z.number().int(),
      by_class: z.record(z.string(), z.number()),
    })
    .optional(),
});
export type BlockDetail = z.infer<typeof blockDetailSchema>;

const category = z.enum(INCIDENT_CATEGORY_KEYS);
const status = z.enum(STATES);
const incidentClass = z.enum(INCIDENT_CLASSES);
const sla = z.object({ respond_by: z.string(), resolve_by: z.string() });

export const nearbySchema = z.object({
  incidents: z.array(
    z.object({
      id: z.string(),
      category,
      status,
      reported_at: z.string(),
      distance_m: z.number(),
      block: ref.optional(),
    }),
  ),
});
export type Nearby = z.infer<typeof nearbySchema>;

export const createdIncidentSchema = z.object({
  id: z.string(),
  receipt: z.string(),
  block: ref,
  community: area,
  township: area,
  generation: z.number().int(),
  class: incidentClass,
  status,
  sla,
  nearby_open: z.union([z.number(), z.array(z.unknown())]).optional(),
});
export type CreatedIncident = z.infer<typeof createdIncidentSchema>;

/**
 * One incident as the caller may see it (core/incidents/views.ts): the public fields for everyone; the
 * reporter (by receipt) also gets the text, point, photos and `version`; staff get assignee and contact.
 */
export const incidentViewSchema = z.object({
  id: z.string(),
  category,
  class: incidentClass,
  status,
  block: ref,
  community_code: z.string(),
  township_code: z.string(),
  point: z.tuple([z.number(), z.number()]).nullable(),
  location_hidden: z.boolean().optional(),
  description: z.string().nullable(),
  reported_at: z.string(),
  updated_at: z.string().optional(),
  resolved_at: z.string().nullable().optional(),
  responded_at: z.string().nullable().optional(),
  sla,
  rating: z.number().nullable().optional(),
  escalated_to: z.string().nullable().optional(),
  version: z.number().int().optional(),
  photos: z.array(z.string()).optional(),
  severity: z.number().optional(),
  assignee: z.string().nullable().optional(),
  contact: z.object({ name: z.string().optional(), phone: z.string().optional() }).nullable().optional(),
  allowed_actions: z.array(z.string()).optional(),
  overdue_minutes: z.number().optional(),
});
export type IncidentView = z.infer<typeof incidentViewSchema>;

export const incidentEventSchema = z.object({
  seq: z.number().int(),
  action: z.string(),
  at: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  note: z.string().nullable(),
  role: z.string().optional(),
  actor: z.string().optional(),
  public: z.boolean().optional(),
  class_from: z.string().optional(),
  class_to: z.string().optional(),
  rating: z.number().optional(),
});
export const incidentEventsSchema = z.object({ events: z.array(incidentEventSchema) });
export type IncidentEvent = z.infer<typeof incidentEventSchema>;

/** POST /api/incidents/{id}/transitions: the incident after the action and the event recorded. */
export const transitionResultSchema = z.object({ incident: incidentViewSchema, event: incidentEventSchema });

/** POST /api/uploads: where to send one photo; POST /api/uploads/commit: the committed key. */
export const uploadTargetSchema = z.object({
  key: z.string(),
  method: z.literal('POST'),
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  max_bytes: z.number(),
  expires_at: z.string(),
});
export type UploadTarget = z.infer<typeof uploadTargetSchema>;

export const committedPhotoSchema = z.object({
  key: z.string(),
  content_type: z.string(),
  bytes: z.number(),
  url: z.string(),
});
