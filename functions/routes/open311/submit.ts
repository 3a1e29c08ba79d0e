// POST requests.{json,xml}: validate the form, file the report as an anonymous resident (idempotent
// per client and report), and answer with the request id and our receipt as the token.
import type { Context } from 'hono';
import { ANONYMOUS } from '../../../core/auth/principal.js';
import { DomainError, ValidationError } from '../../../core/errors.js';
import type { AppEnv } from '../../http/context.js';
import { checkApiKey, idempotencyKey, postRequestForm, toCreateIncident } from './form.js';
import { type Format, parseInput, respond } from './respond.js';
import { serviceNotice } from './services.js';

const FORM_TYPE = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** Handles one POST; every refusal happens before anything is stored. */
export async function submitRequest(c: Context<AppEnv>, format: Format): Promise<Response> {
  const type = c.req.header('Content-Type') ?? '';
  if (!FORM_TYPE.test(type)) {
    throw new ValidationError(
      'send the report as a form: Content-Type: application/x-www-form-urlencoded; charset=utf-8',
      { content_type: type || null },
    );
  }
  let body: Awaited<ReturnType<typeof c.req.parseBody>>;
  try {
    body = await c.req.parseBody();
  } catch {
    throw new ValidationError(
      'the body is not a valid form: send application/x-www-form-urlencoded (or well-formed multipart/form-data)',
      {},
      'INVALID_REQUEST',
    );
  }
  const form = parseInput(postRequestForm, body, 'form', c);
  const apiKey = checkApiKey(form.api_key);
  const report = toCreateIncident(form);
  const { incidents, config } = c.get('services');
  let saved: Awaited<ReturnType<typeof incidents.report>>;
  try {
    saved = await incidents.report(report, ANONYMOUS, idempotencyKey(apiKey, report), 'open311');
  } catch (err) {
    // Our idempotency key is derived from the report, so "key reused" means: same report, other details.
    if (err instanceof DomainError && err.code === 'IDEMPOTENCY_KEY_REUSED') {
      throw new DomainError(
        'DUPLICATE_SUBMISSION',
        'this api_key sent the same report (service_code, lat, long, description) with other contact details or media_url in the last 24 hours; change the description if it is a new problem',
        422,
      );
    }
    throw err;
  }
  const i = saved.incident;
  if (saved.replayed) c.header('Idempotent-Replayed', 'true');
  c.header('Location', `/open311/v2/requests/${i.id}.${format}`);
  const created = {
    service_request_id: i.id,
    // Our receipt: tokens/{token} resolves it, and the resident follows and rates the report with it.
    // Not on a replay: the retry key is derived from public content, so whoever replays the same
    // report must not obtain the original reporter's receipt.
    token: saved.replayed ? null : saved.receipt,
    service_notice: serviceNotice(i.class, config.sla[i.class]),
    account_id: null,
  };
  return respond(c, format, 'service_requests', [created], 201);
}
