// Who sees which notification, and when an open incident gets an "SLA about to lapse" warning.
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Principal } from '../../core/auth/principal.js';
import type { Incident } from '../../core/incidents/incident.js';
import { matchesAudience, notificationAudience } from '../../core/notifications/audience.js';
import { slaWarning } from '../../core/notifications/sla-warning.js';

const who = (p: Partial<Principal>): Principal => ({ id: 'u1', role: 'cadre', anonymous: false, ...p });

describe('notificationAudience', () => {
  it('gives a cadre only what is addressed to them', () => {
    const f = notificationAudience(who({ id: 'cadre-7', role: 'cadre' }));
    expect(matchesAudience(f, 'cadre-7')).toBe(true);
    expect(matchesAudience(f, 'cadre-8')).toBe(false);
    expect(matchesAudience(f, 'leadership')).toBe(false);
  });

  it('gives a township dispatcher their township, a district dispatcher and admins everything', () => {
    const town = notificationAudience(who({ role: 'dispatcher', township: '430302001' }));
    expect(matchesAudience(town, 'township:430302001')).toBe(true);
    expect(matchesAudience(town, 'township:430302002')).toBe(false);
    expect(matchesAudience(town, 'leadership')).toBe(false);
    const district = notificationAudience(who({ role: 'dispatcher' }));
    expect(matchesAudience(district, 'leadership')).toBe(true);
    expect(matchesAudience(district, 'response_centre')).toBe(true);
    expect(notificationAudience(who({ role: 'admin' })).all).toBe(true);
  });

  it('gives department staff their department, and residents, planners and anonymous callers nothing', () => {
    const dept = notificationAudience(who({ role: 'department', department: 'housing' }));
    expect(matchesAudience(dept, 'department:housing')).toBe(true);
    expect(matchesAudience(dept, 'department:water')).toBe(false);
    for (const p of [who({ role: 'resident' }), who({ role: 'planner' }), ANONYMOUS]) {
      expect(notificationAudience(p)).toEqual({ all: false, recipients: [] });
    }
  });
});

describe('slaWarning', () => {
  const base = {
    id: 'YH20250601-ABCDEFGH',
    status: 'reported',
    class: 'B',
    township_code: '430302001',
    respond_by: '2025-06-01T10:00:00.000Z',
    resolve_by: '2025-06-02T08:00:00.000Z',
  } as Incident;
  const at = (iso: string) => new Date(iso);

  it('warns within 30 minutes of the respond deadline, addressed to the township, with a deterministic id', () => {
    expect(slaWarning(base, at('2025-06-01T09:20:00Z'))).toBeNull();
    const w = slaWarning(base, at('2025-06-01T09:40:00Z'))!;
    expect(w).toMatchObject({
      id: 'YH20250601-ABCDEFGH-sla-2025-06-01T10:00:00.000Z',
      kind: 'sla_warning',
      recipient: 'township:430302001',
    });
    expect(slaWarning(base, at('2025-06-01T09:50:00Z'))!.id).toBe(w.id);
  });

  it('uses the resolve deadline once responded, and tells the assignee', () => {
    const w = slaWarning(
      { ...base, status: 'accepted', responded_at: '2025-06-01T09:00:00Z', assignee: 'cadre-7' },
      at('2025-06-02T07:45:00Z'),
    )!;
    expect(w.id.endsWith('-sla-2025-06-02T08:00:00.000Z')).toBe(true);
    expect(w.recipient).toBe('cadre-7');
  });

  it('stays quiet for resolved and closed incidents and for deadlines missed long ago', () => {
    expect(slaWarning({ ...base, status: 'resolved' }, at('2025-06-01T09:50:00Z'))).toBeNull();
    expect(slaWarning({ ...base, status: 'closed' }, at('2025-06-01T09:50:00Z'))).toBeNull();
    expect(slaWarning(base, at('2025-06-01T12:00:00Z'))).toBeNull();
  });
});
