// The caller's address: a configured header (CloudFront-Viewer-Address behind CloudFront), else the
// connection as the runtime reports it (API Gateway's sourceIp in Lambda, the socket locally).
import type { Context } from 'hono';

type Env = {
  incoming?: { socket?: { remoteAddress?: string } };
  event?: { requestContext?: { http?: { sourceIp?: string }; identity?: { sourceIp?: string } } };
};

/** Strips the port from "ip:port" / "[v6]:port" (CloudFront-Viewer-Address carries one). */
export function stripPort(value: string): string {
  const v = value.trim();
  if (v.startsWith('[')) return v.slice(1, v.indexOf(']'));
  const colons = v.split(':').length - 1;
  return colons === 1 ? v.slice(0, v.lastIndexOf(':')) : v;
}

export function clientIp(c: Context, header?: string): string {
  if (header) {
    const value = c.req.header(header);
    if (value) return stripPort(value.split(',')[0]);
  }
  const env = (c.env ?? {}) as Env;
  return (
    env.event?.requestContext?.http?.sourceIp ??
    env.event?.requestContext?.identity?.sourceIp ??
    env.incoming?.socket?.remoteAddress ??
    'unknown'
  );
}
