// Builds the app's services from configuration, once per process (Lambda container or local server).
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import type { ArtifactStore } from '../core/blocks/ports.js';
import type { Config } from './config.js';
import { createTokenVerifier } from './http/auth.js';
import type { AppServices } from './http/context.js';
import { createLogger } from './logger.js';
import { BoundaryService } from './services/boundaries.js';
import { HotspotService } from './services/hotspots.js';
import { IncidentService } from './services/incidents.js';
import { createNotificationService } from './services/notifier.js';
import { PlannerService } from './services/planner.js';
import { ReferenceService } from './services/reference.js';
import { createUploadService } from './services/uploads.js';
import {
  createFsArtifactStore,
  createMemoryArtifactStore,
  createS3ArtifactStore,
} from './store/artifacts.js';
import { createBoundaryStore } from './store/boundary-store.js';
import { createStoreClients, type StoreClients } from './store/client.js';
import { createDraftStore } from './store/draft-store.js';
import { createHealthProbe } from './store/health-probe.js';
import { createIncidentStore } from './store/incident-store.js';
import { createOutboxStore } from './store/outbox-store.js';
import { createDynamoRateLimiter } from './store/rate-limit-store.js';
import { createReferenceStore } from './store/reference-store.js';

export interface Runtime {
  services: AppServices;
  clients: StoreClients;
  artifacts: ArtifactStore;
}

/** Where derived binaries live: S3 in the cloud, the data directory locally, memory in tests. */
function artifactStore(config: Config): ArtifactStore {
  if (config.UPLOADS_BUCKET)
    return createS3ArtifactStore(new S3Client({ region: config.AWS_REGION }), config.UPLOADS_BUCKET);
  if (config.APP_ENV === 'test') return createMemoryArtifactStore();
  return createFsArtifactStore(join(config.DATA_DIR, 'artifacts'));
}

/** Wires config -> store clients -> repositories -> services. No I/O happens here. */
export function buildRuntime(config: Config, overrides: { artifacts?: ArtifactStore } = {}): Runtime {
  const logger = createLogger(config.LOG_LEVEL, { service: 'yuhu-api', env: config.APP_ENV });
  const clients = createStoreClients({
    region: config.AWS_REGION,
    endpoint: config.DYNAMODB_ENDPOINT,
    timeoutMs: config.STORE_TIMEOUT_MS,
  });
  const artifacts = overrides.artifacts ?? artifactStore(config);
  const boundaryStore = createBoundaryStore(clients.doc, config.TABLE_NAME);
  const boundaries = new BoundaryService(boundaryStore, artifacts, logger);
  const reference = new ReferenceService(createReferenceStore(clients.doc, config.TABLE_NAME));
  const incidents = new IncidentService(
    createIncidentStore(clients.doc, config.TABLE_NAME),
    boundaries,
    reference,
    config.sla,
  );
  return {
    clients,
    artifacts,
    services: {
      config,
      logger,
      health: createHealthProbe(clients, config.TABLE_NAME),
      tokens: createTokenVerifier(config),
      boundaries,
      reference,
      incidents,
      hotspots: new HotspotService(incidents.store, boundaries),
      rateLimiter: createDynamoRateLimiter(clients.doc, config.TABLE_NAME),
      uploads: createUploadService(config),
      planner: new PlannerService(
        createDraftStore(clients.doc, config.TABLE_NAME),
        boundaryStore,
        boundaries,
        incidents,
        artifacts,
        logger,
      ),
      notifications: createNotificationService(
        createOutboxStore(clients.doc, config.TABLE_NAME),
        incidents.store,
        logger,
      ),
    },
  };
}
