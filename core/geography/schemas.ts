// zod schemas (and their TypeScript types) for every shipped geography record: the one definition API and web share.
import { z } from 'zod';

/** 9-digit township statistical code, 12-digit community code, stable block id (e.g. YH-430302006104-03). */
export const TOWNSHIP_CODE = /^\d{9}$/;
export const COMMUNITY_CODE = /^\d{12}$/;
export const BLOCK_ID = /^YH-\d{12}-\d{2}$/;

export const TOWNSHIP_TYPES = ['subdistrict', 'town', 'township'] as const;
export const COMMUNITY_TYPES = ['community', 'village'] as const;

export const TownshipPropertiesSchema = z.object({
  code: z.string().regex(TOWNSHIP_CODE, 'township code must be 9 digits'),
  name: z.string().min(1),
  type: z.enum(TOWNSHIP_TYPES),
  population_est: z.number().int().nonnegative(),
  blocks: z.number().int().positive(),
  area_m2: z.number().int().positive(),
});
export type TownshipProperties = z.infer<typeof TownshipPropertiesSchema>;

export const CommunityPropertiesSchema = z.object({
  code: z.string().regex(COMMUNITY_CODE, 'community code must be 12 digits'),
  name: z.string().min(1),
  type: z.enum(COMMUNITY_TYPES),
  township_code: z.string().regex(TOWNSHIP_CODE),
  township_name: z.string().min(1),
  population_est: z.number().int().nonnegative(),
  blocks: z.number().int().positive(),
  area_m2: z.number().int().positive(),
});
export type CommunityProperties = z.infer<typeof CommunityPropertiesSchema>;

export const BlockPropertiesSchema = z.object({
  id: z.string().regex(BLOCK_ID, 'block id must look like YH-<12-digit community code>-<2 digits>'),
  name: z.string().min(1),
  community_code: z.string().regex(COMMUNITY_CODE),
  community_name: z.string().min(1),
  township_code: z.string().regex(TOWNSHIP_CODE),
  township_name: z.string().min(1),
  population_est: z.number().int().nonnegative(),
  area_m2: z.number().int().positive(),
  /** Boundary generation (version) the block belongs to; the shipped partition is generation 1. */
  generation: z.number().int().positive(),
  synthetic: z.boolean(),
});
export type BlockProperties = z.infer<typeof BlockPropertiesSchema>;

export const ASSET_KINDS = [
  'park',
  'health_path',
  'stage',
  'canteen',
  'meal_point',
  'school',
  'gig_station',
  'gig_market',
  'service_centre',
  'landmark',
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const AssetPropertiesSchema = z.object({
  id: z.string().regex(/^AS-[a-z_]+-\d{2}$/),
  kind: z.enum(ASSET_KINDS),
  name: z.string().min(1),
  block_id: z.string().regex(BLOCK_ID),
  community_code: z.string().regex(COMMUNITY_CODE),
  township_code: z.string().regex(TOWNSHIP_CODE),
  /** Invented for the demo (position and shape). */
  synthetic: z.boolean(),
  /** Position from the approximate-places list (real place, estimated position). */
  approximate: z.boolean(),
  length_m: z.number().positive().optional(),
  note: z.string().optional(),
});
export type AssetProperties = z.infer<typeof AssetPropertiesSchema>;

export const DEPARTMENT_KEYS = [
  'housing',
  'water',
  'urban_management',
  'market_regulation',
  'police',
  'civil_affairs',
  'health',
  'emergency',
  'transport',
  'justice',
  'ecology',
  'natural_resources',
] as const;
export type DepartmentKey = (typeof DEPARTMENT_KEYS)[number];

export const DepartmentSchema = z.object({
  key: z.enum(DEPARTMENT_KEYS),
  name: z.string().min(1),
  short_name: z.string().min(1),
  name_en: z.string().min(1),
  /** Incident category keys (core/incidents/categories.ts) this department takes at class C. */
  categories: z.array(z.string()).min(1),
  duty_phone: z.string(),
  synthetic_phone: z.literal(true),
});
export type Department = z.infer<typeof DepartmentSchema>;
export const DepartmentsFileSchema = z.object({ departments: z.array(DepartmentSchema) });

/** Synthetic phone numbers: personal 100-0000-xxxx (never a mobile prefix), duty lines 0731-0000-xxxx. */
export const PERSONAL_PHONE = /^100-0000-\d{4}$/;
export const DUTY_PHONE = /^0731-0000-\d{4}$/;

export const CadreSchema = z.object({
  id: z.string().regex(/^C\d{5}$/),
  name: z.string().min(2),
  gender: z.enum(['F', 'M']),
  role_title: z.string().min(1),
  unit: z.string().min(1),
  /** Staff-only personal number (synthetic). */
  phone: z.string().regex(PERSONAL_PHONE),
  synthetic: z.literal(true),
});
export type Cadre = z.infer<typeof CadreSchema>;

export const AssignmentSchema = z.object({
  block_id: z.string().regex(BLOCK_ID),
  governor: z.string(),
  assistants: z.array(z.string()).min(1),
  supervisor: z.string(),
  doctor_team: z.string(),
  /** Public duty number residents may call (synthetic). */
  duty_phone: z.string().regex(DUTY_PHONE),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const DoctorTeamSchema = z.object({
  id: z.string().regex(/^DT\d{2}$/),
  name: z.string().min(1),
  lead: z.string().min(2),
  phone: z.string().regex(DUTY_PHONE),
  blocks: z.array(z.string().regex(BLOCK_ID)).min(1),
  synthetic: z.literal(true),
});
export type DoctorTeam = z.infer<typeof DoctorTeamSchema>;

export const CadresFileSchema = z.object({
  cadres: z.array(CadreSchema),
  assignments: z.array(AssignmentSchema),
  doctor_teams: z.array(DoctorTeamSchema),
});
export type CadresFile = z.infer<typeof CadresFileSchema>;
