// Turns request-validation failures of any route into the standard 400 body.
import type { Hook } from '@hono/zod-openapi';
import { ValidationError } from '../../core/errors.js';
import { zodDetails } from './errors.js';

/** defaultHook for every OpenAPIHono: a bad parameter or body is a 400 naming the fields to fix. */
// biome-ignore lint/suspicious/noExplicitAny: the hook is generic over every route's env and schema
export const validationHook: Hook<any, any, any, any> = (result) => {
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first?.path.length ? `${first.path.join('.')}: ` : '';
    throw new ValidationError(
      `${result.target} is invalid — ${where}${first?.message ?? 'check the request'}`,
      {
        target: result.target,
        ...zodDetails(result.error),
      },
    );
  }
};
