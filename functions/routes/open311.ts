// Open311 GeoReport v2 under /open311/v2: services, service definitions, requests (GET, POST) and
// tokens, in JSON and XML, with the spec's error format. Mapping and privacy rules live in ./open311/.
import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { requires } from '../http/auth.js';
import type { AppEnv } from '../http/context.js';
import { validationHook } from '../http/validation.js';
import { postRequestForm } from './open311/form.js';
import { mappingContext, toOpen311Request } from './open311/mapping.js';
import { findRequests, MAX_REQUESTS, rawQuery, requestsQuery, WINDOW_DAYS } from './open311/query.js';
import {
  FORMATS,
  idAndFormat,
  notFound,
  open311ErrorHandler,
  parseInput,
  respond,
} from './open311/respond.js';
import {
  content,
  errorResponses,
  open311CreatedSchema,
  open311RequestSchema,
  open311ServiceDefinitionSchema,
  open311ServiceSchema,
  open311TokenSchema,
} from './open311/schemas.js';
import { findService, OPEN311_SERVICES, serviceDefinition } from './open311/services.js';
import { submitRequest } from './open311/submit.js';

export const open311Routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
open311Routes.onError(open311ErrorHandler);

const TAGS = ['open311'];
const formatParam = z.enum(FORMATS).meta({ description: 'json or xml' });
const INCIDENT_ID = /^[A-Za-z0-9_-]{1,40}$/;
const RECEIPT = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * Documents `route` and serves it. Item routes (`/services/{service_code}.{format}`) hold a value
 * and the format in one path segment, which Hono routes as one parameter (`:service_code.:format`,
 * split by `idAndFormat`) — so every Open311 route is registered this one way, and validates its
 * input with the route's own zod schema.
 */
function serve(
  route: RouteConfig,
  handler: (c: Context<AppEnv>) => Promise<Response>,
  options: { honoPath?: string; middleware?: MiddlewareHandler<AppEnv>[] } = {},
) {
  open311Routes.openAPIRegistry.registerPath({ ...route, tags: TAGS });
  open311Routes.on(
    [route.method.toUpperCase()],
    [options.honoPath ?? route.path],
    ...(options.middleware ?? []),
    handler,
  );
}

for (const format of FORMATS) {
  serve(
    createRoute({
      method: 'get',
      path: `/services.${format}`,
      summary: `Open311 service list (${format.toUpperCase()}): our incident categories, service_code = category key`,
      responses: {
        200: { description: 'Services', content: content(z.array(open311ServiceSchema), format) },
      },
    }),
    async (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return respond(c, format, 'services', OPEN311_SERVICES);
    },
  );

  serve(
    createRoute({
      method: 'get',
      path: `/requests.${format}`,
      summary: `Open311 requests (${format.toUpperCase()}), newest first: last ${WINDOW_DAYS} days by default, at most ${MAX_REQUESTS}`,
      description:
        'Public fields only: sensitive incidents (disputes, welfare help, at home) have no lat/long and no description; contact details never appear.',
      request: { query: requestsQuery },
      responses: {
        200: { description: 'Requests', content: content(z.array(open311RequestSchema), format) },
        ...errorResponses([400, 503], format),
      },
    }),
    async (c) => {
      const q = parseInput(requestsQuery, rawQuery(c.req.queries()), 'query', c);
      const services = c.get('services');
      const found = await findRequests(services, q, new Date());
      const ctx = await mappingContext(services);
      c.header('Cache-Control', 'no-store');
      return respond(
        c,
        format,
        'service_requests',
        await Promise.all(found.map((i) => toOpen311Request(i, ctx))),
      );
    },
    { middleware: [requires('incidents:read-public')] },
  );

  serve(
    createRoute({
      method: 'post',
      path: `/requests.${format}`,
      summary: `Open311 report (${format.toUpperCase()}): form-urlencoded, api_key required; a retry returns the same request`,
      request: {
        body: {
          required: true,
          content: { 'application/x-www-form-urlencoded': { schema: postRequestForm } },
        },
      },
      responses: {
        201: {
          description: 'Reported (or the same report again, header Idempotent-Replayed: true)',
          content: content(z.array(open311CreatedSchema), format),
        },
        ...errorResponses([400, 403, 404, 422, 503], format),
      },
    }),
    (c) => submitRequest(c, format),
    { middleware: [requires('incidents:create')] },
  );
}

serve(
  createRoute({
    method: 'get',
    path: '/services/{service_code}.{format}',
    summary: 'Open311 service definition (no attributes: metadata is false for every service)',
    request: {
      params: z.object({ service_code: z.string().meta({ example: 'noise' }), format: formatParam }),
    },
    responses: {
      200: { description: 'Service definition', content: content(open311ServiceDefinitionSchema) },
      ...errorResponses([404]),
    },
  }),
  async (c) => {
    const { id, format } = idAndFormat(c, 'service code');
    if (!findService(id)) {
      throw notFound(
        `service_code ${JSON.stringify(id)} does not exist; services.${format} lists the codes`,
        {
          service_code: id,
        },
      );
    }
    c.header('Cache-Control', 'public, max-age=300');
    return respond(c, format, 'service_definition', serviceDefinition(id));
  },
  { honoPath: '/services/:service_code.:format' },
);

serve(
  createRoute({
    method: 'get',
    path: '/requests/{service_request_id}.{format}',
    summary: 'One Open311 request (public fields only)',
    request: {
      params: z.object({
        service_request_id: z.string().meta({ example: 'YH20261122-ABCDEFGH' }),
        format: formatParam,
      }),
    },
    responses: {
      200: { description: 'A list holding the request', content: content(z.array(open311RequestSchema)) },
      ...errorResponses([404, 503]),
    },
  }),
  async (c) => {
    const { id, format } = idAndFormat(c, 'request id');
    if (!INCIDENT_ID.test(id)) throw notFound(`service request ${JSON.stringify(id)} does not exist`, { id });
    const services = c.get('services');
    const incident = await services.incidents.get(id);
    const record = await toOpen311Request(incident, await mappingContext(services));
    c.header('Cache-Control', 'no-store');
    return respond(c, format, 'service_requests', [record]);
  },
  { honoPath: '/requests/:service_request_id.:format', middleware: [requires('incidents:read-public')] },
);

serve(
  createRoute({
    method: 'get',
    path: '/tokens/{token}.{format}',
    summary: 'Open311 service_request_id from a token (the receipt POST returned)',
    request: { params: z.object({ token: z.string(), format: formatParam }) },
    responses: {
      200: { description: 'The request id', content: content(z.array(open311TokenSchema)) },
      ...errorResponses([404, 503]),
    },
  }),
  async (c) => {
    const { id: token, format } = idAndFormat(c, 'token');
    const incident = RECEIPT.test(token) ? await c.get('services').incidents.getByReceipt(token) : null;
    if (!incident) throw notFound('token not found: use the token a POST requests call returned');
    c.header('Cache-Control', 'private, no-store');
    return respond(c, format, 'service_requests', [{ service_request_id: incident.id, token }]);
  },
  { honoPath: '/tokens/:token.:format', middleware: [requires('incidents:read-public')] },
);

// Anything else under /open311/v2 gets the spec's 404 in the format its extension asks for.
open311Routes.all('/*', (c) => {
  throw notFound(`no Open311 route for ${c.req.method} ${c.req.path}; see docs/open311.md`);
});
