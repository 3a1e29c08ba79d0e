// Runtime configuration: read once from the environment, validated with zod, frozen.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { type IncidentClass, resolveSlaConfig, type Sla, slaConfigSchema } from '../core/incidents/sla.js';

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

const APP_ENVS = ['development', 'test', 'staging', 'production'] as const;

const port = z.coerce.number().int().min(1).max(65535);

/** The environment variables the service reads, with their defaults (documented in the README). */
export const configSchema = z
  .object({
    APP_ENV: z.enum(APP_ENVS).default('development'),
    TABLE_NAME: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{3,255}$/, 'use 3–255 letters, digits, "_", "-" or "."')
      .default('yuhu-blocks'),
    AWS_REGION: z.string().min(1).default('ap-southeast-1'),
    /** Any DynamoDB-compatible endpoint; unset in the cloud (real DynamoDB), set by the local runner. */
    DYNAMODB_ENDPOINT: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL such as http://127.0.0.1:8000' })
      .optional(),
    /** Store calls that take longer than this fail fast with 503 instead of hanging. */
    STORE_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(3_000),
    PORT: port.default(3000),
    /** Port of the embedded DynamoDB Local started by `npm start`. */
    DYNAMODB_LOCAL_PORT: port.default(8000),
    DATA_DIR: z.string().min(1).default('.data'),
    UPLOADS_BUCKET: z.string().min(3).optional(),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    /** HS256 secret for locally issued tokens; required (≥ 32 chars) in staging/production if no JWKS is set. */
    AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    AUTH_ISSUER: z.string().min(1).default('yuhu-local'),
    AUTH_AUDIENCE: z.string().min(1).default('yuhu-block-map'),
    AUTH_JWKS_URL: z.url({ protocol: /^https$/, message: 'must be an https URL' }).optional(),
    /** Comma-separated origins allowed by CORS; empty = same origin only. */
    CORS_ORIGINS: z.string().default(''),
    /** Extra origins the web app may load a basemap from (CSP), comma-separated https origins. */
    BASEMAP_ORIGINS: z.string().default(''),
    /** Anonymous writes allowed per client address: "<count>/<seconds>" (0/… disables writes, off disables the limit). */
    RATE_LIMIT_IP: z
      .string()
      .regex(/^(off|\d{1,6}\/\d{1,6})$/, 'use "<count>/<seconds>", e.g. 30/600, or off')
      .default('30/600'),
    /** Anonymous actions allowed per receipt: "<count>/<seconds>" or off. */
    RATE_LIMIT_RECEIPT: z
      .string()
      .regex(/^(off|\d{1,6}\/\d{1,6})$/, 'use "<count>/<seconds>", e.g. 20/600, or off')
      .default('20/600'),
    /** Header carrying the client address (behind CloudFront: cloudfront-viewer-address); unset = the connection. */
    CLIENT_IP_HEADER: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'a lower-case header name such as cloudfront-viewer-address')
      .optional(),
    /** SLA overrides per class as JSON, e.g. {"A":{"respondHours":1,"resolveHours":12}}; applies to new deadlines only. */
    SLA_JSON: z
      .string()
      .optional()
      .refine((raw) => raw === undefined || slaConfigSchema.safeParse(safeJson(raw)).success, {
        message: 'must be JSON like {"A":{"respondHours":2,"resolveHours":24}} with classes A–D',
      }),
  })
  .superRefine((env, ctx) => {
    const cloud = env.APP_ENV === 'staging' || env.APP_ENV === 'production';
    if (cloud && !env.AUTH_JWT_SECRET && !env.AUTH_JWKS_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_JWKS_URL'],
        message: `APP_ENV=${env.APP_ENV} needs AUTH_JWKS_URL (or AUTH_JWT_SECRET) so tokens can be verified`,
      });
    }
  });

export type Config = Readonly<z.infer<typeof configSchema>> & {
  readonly authSecret: string;
  readonly corsOrigins: readonly string[];
  readonly sla: Readonly<Record<IncidentClass, Sla>>;
  readonly basemapOrigins: readonly string[];
  readonly rateLimits: { ip: RateLimit | null; receipt: RateLimit | null };
};

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

const parseLimit = (raw: string): RateLimit | null => {
  if (raw === 'off') return null;
  const [limit, windowSeconds] = raw.split('/').map(Number);
  return { limit, windowSeconds: Math.max(1, windowSeconds) };
};

/** Local development secret: fine for a laptop, refused in staging/production by the schema above. */
const DEV_SECRET = 'yuhu-local-development-secret-not-for-production';

/** A bad setting, with one line per variable saying what is wrong. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(clean);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? 'environment');
        const value = env[name];
        const shown = value === undefined ? 'unset' : `"${name.includes('SECRET') ? '***' : value}"`;
        return `${name} (${shown}): ${issue.message}`;
      }),
    );
  }
  const c = parsed.data;
  return Object.freeze({
    ...c,
    // The public development secret only where it cannot hurt; elsewhere an unguessable per-process one
    // (cloud tokens come from the JWKS then, and nothing signed with the dev secret is ever accepted).
    authSecret:
      c.AUTH_JWT_SECRET ??
      (c.APP_ENV === 'development' || c.APP_ENV === 'test'
        ? DEV_SECRET
        : randomBytes(32).toString('base64url')),
    corsOrigins: c.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    basemapOrigins: c.BASEMAP_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    rateLimits: { ip: parseLimit(c.RATE_LIMIT_IP), receipt: parseLimit(c.RATE_LIMIT_RECEIPT) },
    sla: resolveSlaConfig(c.SLA_JSON ? slaConfigSchema.parse(JSON.parse(c.SLA_JSON)) : {}),
  });
}
