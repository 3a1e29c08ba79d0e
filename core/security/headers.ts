// Security headers of the web app, as pure data: the same policy is sent by the local server and
// configured on CloudFront (stacks/web.ts), so both serve the app identically.

export interface CspOptions {
  /** Origins of an external basemap (style, tiles, glyphs), e.g. https://t0.tianditu.gov.cn. */
  basemapOrigins?: readonly string[];
  /**
   * Where the browser sends photos and loads them from in the cloud: the uploads bucket's regional origin
   * (presigned POST and GET go straight to S3), e.g. `https://<bucket>.s3.<region>.amazonaws.com`. Allowed
   * in connect-src and img-src only. The stack passes a CloudFormation token here, so only the scheme is checked.
   */
  photoOrigins?: readonly string[];
}

/**
 * Content-Security-Policy for the MapLibre app: only our own origin, the configured basemap and (cloud)
 * the photo bucket; no inline or eval'd script; MapLibre's workers come from blob: URLs.
 */
export function contentSecurityPolicy(options: CspOptions = {}): string {
  const basemap = (options.basemapOrigins ?? []).filter((o) => /^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(o));
  const extra = basemap.length ? ` ${basemap.join(' ')}` : '';
  const photos = (options.photoOrigins ?? []).filter((o) => o.startsWith('https://') && !/[\s;,'"]/.test(o));
  const photoExtra = photos.length ? ` ${photos.join(' ')}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    `connect-src 'self'${extra}${photoExtra}`,
    `img-src 'self' data: blob:${extra}${photoExtra}`,
    // MapLibre and the docs page set element styles; no inline <script> is allowed anywhere.
    `style-src 'self' 'unsafe-inline'${extra}`,
    `font-src 'self' data:${extra}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** The other headers every page and API response carries. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'geolocation=(self), camera=(self), microphone=()',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
});
