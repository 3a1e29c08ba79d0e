// Calls the journeys' real server from a test (Node fetch): tokens, reports, transitions, reading an incident.
import { randomUUID } from 'node:crypto';

export interface Created {
  id: string;
  receipt: string;
  block: { id: string; name: string };
  community: { code: string; name: string };
  status: string;
}

async function json<T>(response: Response): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** A development token (POST /api/dev/tokens). */
export async function devToken(baseUrl: string, body: Record<string, string>): Promise<string> {
  const r = await fetch(`${baseUrl}/api/dev/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await json<{ token: string }>(r)).token;
}

/** Files a report as an anonymous resident. */
export async function report(baseUrl: string, body: Record<string, unknown>): Promise<Created> {
  const r = await fetch(`${baseUrl}/api/incidents`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: JSON.stringify(body),
  });
  return json<Created>(r);
}

/** One incident as `token` sees it, with its version (ETag). */
export async function incident(baseUrl: string, id: string, token: string) {
  const r = await fetch(`${baseUrl}/api/incidents/${id}`, { headers: { Authorization: `Bearer ${token}` } });
  const body = await json<{
    status: string;
    version: number;
    assignee: string | null;
    escalated_to: string | null;
  }>(r);
  return { ...body, version: Number(r.headers.get('ETag')?.replace(/\D/g, '')) };
}

/** A transition at the incident's current version. */
export async function act(baseUrl: string, id: string, token: string, body: Record<string, unknown>) {
  const { version } = await incident(baseUrl, id, token);
  const r = await fetch(`${baseUrl}/api/incidents/${id}/transitions`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
      'If-Match': `"${version}"`,
    },
    body: JSON.stringify(body),
  });
  return json<{ incident: { status: string } }>(r);
}
