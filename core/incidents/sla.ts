// Service levels per class (respond / resolve, in calendar hours) and the China Standard Time clock.
import { z } from 'zod';
import { INCIDENT_CLASS_INFO, INCIDENT_CLASSES, type IncidentClass } from './categories.js';

export { INCIDENT_CLASSES as CLASSES, type IncidentClass } from './categories.js';

export interface Sla {
  respondHours: number;
  resolveHours: number;
}

/** Defaults from the class table: A 2 h / 24 h; B 4 h / 3 d; C 4 h / 7 d; D 30 min / 24 h. */
export const DEFAULT_SLA: Readonly<Record<IncidentClass, Sla>> = Object.freeze(
  Object.fromEntries(
    INCIDENT_CLASSES.map((c) => [
      c,
      {
        respondHours: INCIDENT_CLASS_INFO[c].respondMinutes / 60,
        resolveHours: INCIDENT_CLASS_INFO[c].resolveMinutes / 60,
      },
    ]),
  ) as Record<IncidentClass, Sla>,
);

/** SLA configuration as it may be supplied (e.g. `SLA_JSON`): any class may be overridden. */
export const slaConfigSchema = z.partialRecord(
  z.enum(INCIDENT_CLASSES),
  z.object({
    respondHours: z
      .number()
      .positive()
      .max(24 * 90),
    resolveHours: z
      .number()
      .positive()
      .max(24 * 365),
  }),
);

export function resolveSlaConfig(
  overrides: z.infer<typeof slaConfigSchema> = {},
): Record<IncidentClass, Sla> {
  return { ...DEFAULT_SLA, ...overrides } as Record<IncidentClass, Sla>;
}

const HOUR = 3_600_000;

/** Deadlines stored on the incident when it is reported (or reclassified), never recomputed later. */
export function deadlines(cls: IncidentClass, from: Date, sla: Record<IncidentClass, Sla> = DEFAULT_SLA) {
  return {
    respond_by: new Date(from.getTime() + sla[cls].respondHours * HOUR).toISOString(),
    resolve_by: new Date(from.getTime() + sla[cls].resolveHours * HOUR).toISOString(),
  };
}

/** China Standard Time is UTC+8 all year (no daylight saving), so a fixed offset is exact. */
const CST_OFFSET_MS = 8 * HOUR;

/** The CST calendar day (YYYY-MM-DD) of an instant: how reports are counted and shown by day. */
export function cstDay(at: Date | string): string {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(t + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant CST midnight starts the given CST day. */
export function cstDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - CST_OFFSET_MS);
}

/** The `n` CST days ending with `endDay`, oldest first. */
export function cstDays(endDay: string, n: number): string[] {
  const end = Date.parse(`${endDay}T00:00:00.000Z`);
  return Array.from({ length: n }, (_, i) =>
    new Date(end - (n - 1 - i) * 24 * HOUR).toISOString().slice(0, 10),
  );
}
