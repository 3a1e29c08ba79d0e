// AWS Lambda entry: the same Hono app as the local server, behind API Gateway HTTP API (v2), plus the
// one-minute EventBridge schedule that delivers notifications and scans for SLAs about to lapse.
import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { buildRuntime } from './runtime.js';
import { notifierRound } from './services/notifier.js';

function boot() {
  try {
    const runtime = buildRuntime(loadConfig());
    return { runtime, app: createApp(runtime.services) };
  } catch (err) {
    // A bad setting must be obvious in CloudWatch, not a generic init failure.
    if (err instanceof ConfigError) console.error(JSON.stringify({ level: 'error', msg: err.message }));
    throw err;
  }
}

/** Built once per container (module scope), reused by every invocation. */
const { runtime, app: builtApp } = boot();
export const app = builtApp;
const http = handle(app);

type ScheduledEvent = { source?: string; 'detail-type'?: string };

/** HTTP events go to the app; the schedule runs one notifier round. */
export async function handler(event: LambdaEvent | ScheduledEvent, context?: LambdaContext) {
  if ((event as ScheduledEvent)['detail-type'] === 'Scheduled Event')
    return notifierRound(runtime.services, true);
  return http(event as LambdaEvent, context);
}
