// Builds the app's services from configuration, once per process (Lambda container or local server).
import type { Config } from './config.js';
import { createTokenVerifier } from './http/auth.js';
import type { AppServices } from './http/context.js';
import { createLogger } from './logger.js';
import { createStoreClients, type StoreClients } from './store/client.js';
import { createHealthProbe } from './store/health-probe.js';

export interface Runtime {
  services: AppServices;
  clients: StoreClients;
}

/** Wires config -> store clients -> repositories -> services. No I/O happens here. */
export function buildRuntime(config: Config): Runtime {
  const logger = createLogger(config.LOG_LEVEL, { service: 'yuhu-api', env: config.APP_ENV });
  const clients = createStoreClients({
    region: config.AWS_REGION,
    endpoint: config.DYNAMODB_ENDPOINT,
    timeoutMs: config.STORE_TIMEOUT_MS,
  });
  return {
    clients,
    services: {
      config,
      logger,
      health: createHealthProbe(clients, config.TABLE_NAME),
      tokens: createTokenVerifier(config),
    },
  };
}
