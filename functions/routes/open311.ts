// open311 routes (being built; mounted by functions/app.ts).
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/context.js';
import { validationHook } from '../http/validation.js';

export const open311Routes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
