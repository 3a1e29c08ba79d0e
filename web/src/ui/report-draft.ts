// The report being written: what the resident typed, the photo's upload, and its Idempotency-Key, kept across
// re-renders and retries.

import type { z } from 'zod';
import type { IncidentCategory } from '../../../core/incidents/categories';
import type { createIncidentSchema } from '../../../core/incidents/incident';
import type { LonLat } from '../map/display-crs';

/** A chosen photo: uploaded (and committed) as soon as it is picked; `key` goes into the report. */
export interface DraftPhoto {
  file: File;
  previewUrl: string;
  state: 'uploading' | 'ready' | 'failed';
  progress: number;
  key: string | null;
  error: string | null;
  /** Settles with the key (null if the upload failed). */
  done: Promise<string | null>;
}

/** What the resident has typed; kept across re-renders (language switch) and retries. */
export interface ReportDraft {
  category: IncidentCategory;
  description: string;
  severity: 1 | 2 | 3;
  name: string;
  phone: string;
  photo: DraftPhoto | null;
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
  const photo = draft.photo?.key;
  return {
    lon: Number(pin[0].toFixed(6)),
    lat: Number(pin[1].toFixed(6)),
    crs: 'wgs84',
    category: draft.category,
    description: draft.description.trim(),
    severity: draft.severity,
    ...(photo ? { photos: [photo] } : {}),
    ...(name || phone ? { contact: { name: name || undefined, phone: phone || undefined } } : {}),
  };
}
