// What every request handler can read from the Hono context, and the services the app is built from.
import type { Principal } from '../../core/auth/principal.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { BoundaryService } from '../services/boundaries.js';
import type { HotspotService } from '../services/hotspots.js';
import type { IncidentService } from '../services/incidents.js';
import type { NotificationService } from '../services/notifier.js';
import type { PlannerService } from '../services/planner.js';
import type { ReferenceService } from '../services/reference.js';
import type { UploadService } from '../services/uploads.js';
import type { RateLimiter } from '../store/rate-limit-store.js';
import type { TokenVerifier } from './auth.js';

/** Services the HTTP app needs; the Lambda entry and the local server build them the same way. */
export interface AppServices {
  config: Config;
  logger: Logger;
  health: HealthProbe;
  tokens: TokenVerifier;
  boundaries: BoundaryService;
  reference: ReferenceService;
  incidents: IncidentService;
  hotspots: HotspotService;
  rateLimiter: RateLimiter;
  uploads: UploadService;
  notifications: NotificationService;
  planner: PlannerService;
}

/** Answers `/api/health`: can we reach the store, and which boundary generation is current. */
export interface HealthProbe {
  check(): Promise<{
    store: { reachable: boolean; latency_ms: number; table: string; schema_version?: number; error?: string };
    generation: number | null;
  }>;
}

export type AppEnv = {
  Variables: {
    requestId: string;
    log: Logger;
    services: AppServices;
    principal: Principal;
  };
};
