// The lifecycle tests are generated from the table in docs/lifecycle.md: every state × action × actor.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Incident } from '../../core/incidents/incident.js';
import {
  ACTIONS,
  ACTORS,
  type Action,
  type Actor,
  findRule,
  STATES,
  type State,
} from '../../core/incidents/lifecycle.js';
import { applyTransition } from '../../core/incidents/transition.js';

interface DocRow {
  action: Action;
  from: State[];
  actors: Actor[];
  to: State | null;
  requires: string[];
}

/** Parses the "Transitions" table of docs/lifecycle.md. */
function parseDoc(): DocRow[] {
  const text = readFileSync(new URL('../../docs/lifecycle.md', import.meta.url), 'utf8');
  const section = text.slice(text.indexOf('## Transitions'));
  const rows = section
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| action') && !l.startsWith('|---'))
    .map((l) =>
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  return rows.map(([action, from, actors, to, requires]) => ({
    action: action as Action,
    from: from.split(',').map((s) => s.trim()) as State[],
    actors: actors.split(',').map((s) => s.trim()) as Actor[],
    to: to === '(unchanged)' ? null : (to as State),
    requires: requires ? requires.split(',').map((s) => s.trim()) : [],
  }));
}

const doc = parseDoc();
const expected = (state: State, action: Action, actor: Actor) =>
  doc.find((r) => r.action === action && r.from.includes(state) && r.actors.includes(actor));

const base: Incident = {
  id: 'T1',
  version: 1,
  status: 'reported',
  category: 'sanitation',
  class: 'A',
  severity: 1,
  description: 'x',
  at_home: false,
  sensitive: false,
  lon: 112.88,
  lat: 27.85,
  h3_10: '8a41',
  block_id: 'YH-430302006104-03',
  block_name: 'b',
  community_code: '430302006104',
  township_code: '430302006',
  generation: 1,
  photos: [],
  reporter: 'anonymous',
  receipt_hash: 'h',
  reported_at: '2026-11-01T00:00:00.000Z',
  updated_at: '2026-11-01T00:00:00.000Z',
  respond_by: '2026-11-01T02:00:00.000Z',
  resolve_by: '2026-11-02T00:00:00.000Z',
  resolved_at: '2026-11-01T05:00:00.000Z',
};
const fullRequest = {
  note: 'n',
  class: 'C' as const,
  assignee: 'C00001',
  rating: 4,
  reason: 'invalid' as const,
  internal: false,
};
/** Everything an action may need; a class only where it is part of the action (escalate). */
const requestFor = (action: Action) => {
  const { class: cls, ...rest } = fullRequest;
  return action === 'escalate' ? { action, ...rest, class: cls } : { action, ...rest };
};

describe('docs/lifecycle.md is the specification', () => {
  it('parses the table: every action appears and states/actors are known', () => {
    expect(new Set(doc.map((r) => r.action))).toEqual(new Set(ACTIONS));
    for (const r of doc) {
      for (const s of r.from) expect(STATES).toContain(s);
      for (const a of r.actors) expect(ACTORS).toContain(a);
    }
  });

  for (const state of STATES) {
    for (const action of ACTIONS) {
      for (const actor of ACTORS) {
        const row = expected(state, action, actor);
        it(`${state} × ${action} × ${actor} → ${row ? (row.to ?? state) : 'refused'}`, () => {
          const rule = findRule(state, action, [actor]);
          expect(Boolean(rule)).toBe(Boolean(row));
          const incident = { ...base, status: state };
          const run = () =>
            applyTransition(
              incident,
              requestFor(action),
              { id: 'u', role: actor, actors: [actor] },
              new Date('2026-11-02T00:00:00Z'),
            );
          if (!row) {
            expect(run).toThrow(expect.objectContaining({ code: 'ILLEGAL_TRANSITION' }));
          } else {
            expect(run().incident.status).toBe(row.to ?? state);
          }
        });
      }
    }
  }

  it('refuses each action without what the table says it requires', () => {
    for (const row of doc.filter((r) => r.requires.length > 0)) {
      const field = row.requires[0] as keyof typeof fullRequest;
      const { [field]: _omit, ...rest } = requestFor(row.action) as typeof fullRequest;
      const actor = row.actors[0];
      const run = () =>
        applyTransition(
          { ...base, status: row.from[0] },
          { ...rest, action: row.action, internal: false } as never,
          { id: 'u', role: actor, actors: [actor] },
          new Date('2026-11-02T00:00:00Z'),
        );
      expect(run, `${row.action} without ${field}`).toThrow(
        expect.objectContaining({ code: 'MISSING_FIELD' }),
      );
    }
  });

  it('lets the reporter reopen only within 7 days of resolution', () => {
    const resolved = { ...base, status: 'resolved' as const, resolved_at: '2026-11-01T00:00:00.000Z' };
    const reporter = { id: 'anonymous', role: 'resident', actors: ['reporter' as Actor] };
    expect(
      applyTransition(
        resolved,
        { action: 'reopen', note: 'still broken', internal: false },
        reporter,
        new Date('2026-11-07T00:00:00Z'),
      ).incident.status,
    ).toBe('reopened');
    expect(() =>
      applyTransition(
        resolved,
        { action: 'reopen', note: 'late', internal: false },
        reporter,
        new Date('2026-11-09T00:00:00Z'),
      ),
    ).toThrow(expect.objectContaining({ code: 'REOPEN_WINDOW_CLOSED' }));
  });

  it('records a class change and recomputes the deadlines from the change', () => {
    const r = applyTransition(
      base,
      { action: 'accept', class: 'D', internal: false },
      { id: 'd', role: 'dispatcher', actors: ['dispatcher'] },
      new Date('2026-11-01T01:00:00Z'),
    );
    expect(r.classChange).toEqual({ from: 'A', to: 'D' });
    expect(r.incident.respond_by).toBe('2026-11-01T01:30:00.000Z');
    expect(r.event).toMatchObject({ class_from: 'A', class_to: 'D' });
    expect(r.notifications.map((n) => n.kind)).toContain('emergency');
    expect(() =>
      applyTransition(
        base,
        { action: 'accept', class: 'B', internal: false },
        { id: 'c', role: 'cadre', actors: ['cadre'] },
        new Date(),
      ),
    ).toThrow(expect.objectContaining({ code: 'CLASS_CHANGE_NOT_ALLOWED' }));
  });

  it('routes escalations: B to the township, C to the category’s department, D to the response centre', () => {
    const party = { id: 'd', role: 'dispatcher', actors: ['dispatcher' as Actor] };
    const go = (cls: 'B' | 'C' | 'D') =>
      applyTransition(base, { action: 'escalate', class: cls, internal: false }, party, new Date()).incident
        .escalated_to;
    expect(go('B')).toBe('township:430302006');
    expect(go('C')).toBe('department:urban_management');
    expect(go('D')).toBe('response_centre');
  });
});
