// The report being written: what the resident typed and its Idempotency-Key, kept across re-renders and retries.

import type { z } from 'zod';
import type { IncidentCategory } from '../../../core/incidents/categories';
import type { createIncidentSchema } from '../../../core/incidents/incident';
import type { LonLat } from '../map/display-crs';

/** What the resident has typed; kept across re-renders (language switch) and retries. */
export interface ReportDraft {
  category: IncidentCategory;
  description: string;
  severity: 1 | 2 | 3;
  name: string;
  phone: string;
  photo: File | null;
  /** Created on the first send and reused by every retry of this report. */
  idempotencyKey: string | null;
}

export const newDraft = (): ReportDraft => ({
  category: 'sanitation',
  description: '',
  severity: 1,
  name: '',
  phone: '',
  photo: null,
  idempotencyKey: null,
});

/** The POST /api/incidents body for a draft at a WGS84 pin. */
export function reportBody(draft: ReportDraft, pin: LonLat): z.input<typeof createIncidentSchema> {
  const name = draft.name.trim();
  const phone = draft.phone.trim();
  return {
    lon: Number(pin[0].toFixed(6)),
    lat: Number(pin[1].toFixed(6)),
    crs: 'wgs84',
    category: draft.category,
    description: draft.description.trim(),
    severity: draft.severity,
    ...(name || phone ? { contact: { name: name || undefined, phone: phone || undefined } } : {}),
  };
}
