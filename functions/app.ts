// The one HTTP app: middleware, error mapping, OpenAPI document, and one sub-app per resource.
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { except } from 'hono/combine';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { STATIC_SECURITY_HEADERS } from '../core/security/headers.js';
import { authenticate } from './http/auth.js';
import type { AppEnv, AppServices } from './http/context.js';
import { errorBody, handleError } from './http/errors.js';
import { docsPage, OPENAPI_INFO } from './http/openapi.js';
import { limitAnonymousWrites } from './http/rate-limit.js';
import { validationHook } from './http/validation.js';
import { assetRoutes } from './routes/assets.js';
import { blockDetailRoutes } from './routes/block-detail.js';
import { boundaryRoutes } from './routes/boundaries.js';
import { devTokenRoutes } from './routes/dev-tokens.js';
import { generationRoutes } from './routes/generations.js';
import { healthRoutes } from './routes/health.js';
import { hotspotRoutes } from './routes/hotspots.js';
import { transitionRoutes } from './routes/incident-transitions.js';
import { incidentRoutes } from './routes/incidents.js';
import { locateRoutes } from './routes/locate.js';
import { notificationRoutes } from './routes/notifications.js';
import { open311ErrorHandler } from './routes/open311/respond.js';
import { open311Routes } from './routes/open311.js';
import { plannerRoutes } from './routes/planner.js';
import { tileRoutes } from './routes/tiles.js';
import { uploadRoutes } from './routes/uploads.js';

/** Largest request body the application accepts (API Gateway's own limit is 6 MB). */
export const MAX_BODY_BYTES = 1_048_576;

/** Builds the app around its services; the Lambda handler and the local server both call this. */
export function createApp(services: AppServices) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use(
    '*',
    requestId({
      headerName: 'X-Request-Id',
      limitLength: 64,
      generator: () => crypto.randomUUID(),
    }),
  );
  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) c.res.headers.set(name, value);
  });
  app.use('*', async (c, next) => {
    const started = performance.now();
    const log = services.logger.child({ request_id: c.get('requestId') });
    c.set('log', log);
    c.set('services', services);
    await next();
    log.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });
  if (services.config.corsOrigins.length > 0) {
    app.use(
      '/api/*',
      cors({ origin: [...services.config.corsOrigins], exposeHeaders: ['ETag', 'X-Request-Id'] }),
    );
  }
  // Photo uploads have their own, larger limit (enforced by their route).
  app.use(
    '*',
    except(
      '/api/uploads/local/*',
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: (c) =>
          c.json(
            errorBody(
              'PAYLOAD_TOO_LARGE',
              `request body is over the ${MAX_BODY_BYTES} byte limit; send less data (split batches)`,
              { limit_bytes: MAX_BODY_BYTES },
              c.get('requestId'),
            ),
            413,
          ),
      }),
    ),
  );

  app.use('/api/*', authenticate(services.tokens));
  app.use('/open311/*', authenticate(services.tokens));
  // Anonymous writes are rate limited per address and per receipt (state in the table: all containers agree).
  // ('/x/*' also matches '/x' in Hono: one pattern per prefix, or the limiter would count twice.)
  for (const path of ['/api/incidents/*', '/api/uploads/*', '/open311/*'])
    app.use(path, limitAnonymousWrites('write'));
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });

  app.route('/api', healthRoutes);
  app.route('/api', locateRoutes);
  app.route('/api', boundaryRoutes);
  app.route('/api', blockDetailRoutes);
  app.route('/api', assetRoutes);
  app.route('/api', generationRoutes);
  app.route('/api', plannerRoutes);
  app.route('/api', tileRoutes);
  app.route('/api', incidentRoutes);
  app.route('/api', transitionRoutes);
  app.route('/api', hotspotRoutes);
  app.route('/api', uploadRoutes);
  app.route('/api', notificationRoutes);
  app.route('/open311/v2', open311Routes);
  if (services.config.APP_ENV === 'development' || services.config.APP_ENV === 'test') {
    app.route('/api', devTokenRoutes);
  }

  app.doc31('/api/openapi.json', { openapi: '3.1.0', info: OPENAPI_INFO, servers: [{ url: '/' }] });
  app.get('/api/docs', (c) => c.html(docsPage('/api/openapi.json')));

  app.notFound((c) =>
    c.json(
      errorBody(
        'NOT_FOUND',
        `no route for ${c.req.method} ${c.req.path}; see /api/docs`,
        undefined,
        c.get('requestId'),
      ),
      404,
    ),
  );
  // Open311 clients expect the GeoReport error format, also for errors raised by shared middleware.
  app.onError((err, c) =>
    c.req.path.startsWith('/open311/') ? open311ErrorHandler(err, c) : handleError(err, c),
  );
  return app;
}

export type App = ReturnType<typeof createApp>;
