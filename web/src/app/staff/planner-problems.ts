// Where and why the server refused an edit or a publish, read from the standard error body's details.
import type { LonLat } from '../../map/display-crs';

/** Positions named by an error's details (an edit's `at`, each publish violation's lon/lat), for the map. */
export function problemPoints(details: Record<string, unknown>): LonLat[] {
  const out: LonLat[] = [];
  const take = (at: unknown) => {
    if (!Array.isArray(at)) return;
    for (const p of at)
      if (Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number') out.push([p[0], p[1]]);
  };
  take(details.at);
  if (!Array.isArray(details.violations)) return out;
  // Publish violations place themselves with numbers.lon/lat (a gap's inside point, a T-junction's corner).
  for (const v of details.violations as { at?: unknown; numbers?: Record<string, unknown> }[]) {
    take(v?.at);
    const n = v?.numbers;
    if (n && typeof n.lon === 'number' && typeof n.lat === 'number') out.push([n.lon, n.lat]);
  }
  return out;
}

export function violationLines(details: Record<string, unknown>): string {
  if (!Array.isArray(details.violations)) return '';
  return details.violations
    .slice(0, 8)
    .map(
      (v: { rule?: string; feature?: string; message?: string }) =>
        `${v.rule ?? ''} ${v.feature ?? ''}: ${v.message ?? ''}`,
    )
    .join('\n');
}
