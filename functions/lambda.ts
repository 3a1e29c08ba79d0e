// AWS Lambda entry: the same Hono app as the local server, behind API Gateway HTTP API (v2).
import { handle } from 'hono/aws-lambda';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { buildRuntime } from './runtime.js';

function boot() {
  try {
    return createApp(buildRuntime(loadConfig()).services);
  } catch (err) {
    // A bad setting must be obvious in CloudWatch, not a generic init failure.
    if (err instanceof ConfigError) console.error(JSON.stringify({ level: 'error', msg: err.message }));
    throw err;
  }
}

/** Built once per container (module scope), reused by every invocation. */
export const app = boot();
export const handler = handle(app);
