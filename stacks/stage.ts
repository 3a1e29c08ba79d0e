// Stage conventions shared by the infrastructure modules: production stages and deploy-time settings.

/** The value the Lambda sees in APP_ENV: production data and alerts, or anything else. */
export type AppEnv = 'production' | 'staging';

/** `prod` and `production` are production stages: data is retained and deletion protected. */
export function isProductionStage(stage: string): boolean {
  return stage === 'prod' || stage === 'production';
}

export function appEnvFor(stage: string): AppEnv {
  return isProductionStage(stage) ? 'production' : 'staging';
}

/** Settings read by functions/config.ts that a deploy may take from the shell, besides AUTH_*. */
const FORWARDED = new Set([
  'LOG_LEVEL',
  'CORS_ORIGINS',
  'STORE_TIMEOUT_MS',
  'SLA_JSON',
  'BASEMAP_ORIGINS',
  'RATE_LIMIT_IP',
  'RATE_LIMIT_RECEIPT',
]);

/**
 * The Lambda configuration taken from the deploying shell: every non-empty AUTH_* variable and the
 * few above. Nothing else leaks in (no AWS_*, no DYNAMODB_ENDPOINT from a developer's shell).
 */
export function forwardedEnvironment(env: Record<string, string | undefined>): Record<string, string> {
  const forwarded: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value && (key.startsWith('AUTH_') || FORWARDED.has(key))) forwarded[key] = value;
  }
  return forwarded;
}
