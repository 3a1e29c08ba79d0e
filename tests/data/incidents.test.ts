// The demo incident seed: consistent lifecycles, points in their blocks, clusters, and the load-time shift.
import { describe, expect, it } from 'vitest';
import {
  checkIncidentSeed,
  type IncidentSeedFile,
  shiftIncidentSeed,
} from '../../core/geography/incident-seed';
import { copy, shipped } from './helpers';

const seed = () => shipped().incidents as IncidentSeedFile;

describe('shipped incident seed', () => {
  it('has ~20,000 consistent incidents, each inside the block it names', () => {
    expect(seed().incidents.length).toBeGreaterThanOrEqual(19_000);
    expect(checkIncidentSeed(seed(), shipped().blocks.features)).toEqual([]);
  });

  it('spreads recent incidents over open states, with some past their SLA', () => {
    const ref = Date.parse(seed().reference_date);
    const statuses = new Set(seed().incidents.map((r) => r.status));
    expect([...statuses].sort()).toEqual([
      'accepted',
      'closed',
      'escalated',
      'in_progress',
      'rejected',
      'reopened',
      'reported',
      'resolved',
    ]);
    const overdueA = seed().incidents.filter(
      (r) =>
        r.class === 'A' &&
        !r.resolved_at &&
        r.status !== 'rejected' &&
        ref - Date.parse(r.reported_at) > 24 * 3_600_000,
    );
    expect(overdueA.length).toBeGreaterThan(5);
    const old = seed().incidents.filter((r) => ref - Date.parse(r.reported_at) > 60 * 86_400_000);
    expect(
      old.filter((r) => r.status === 'closed' || r.status === 'rejected').length / old.length,
    ).toBeGreaterThan(0.99);
  });

  it('has a flood cluster after the late-July storm and hot spots at the station and markets', () => {
    const july = seed().incidents.filter(
      (r) => r.category === 'flooding' && r.reported_at.startsWith('2024-07-2'),
    );
    const august = seed().incidents.filter(
      (r) => r.category === 'flooding' && r.reported_at.startsWith('2024-08-2'),
    );
    expect(july.length).toBeGreaterThan(10 * Math.max(1, august.length));
    const perBlock = new Map<string, number>();
    for (const r of seed().incidents) perBlock.set(r.block_id, (perBlock.get(r.block_id) ?? 0) + 1);
    const top = [...perBlock].sort((a, b) => b[1] - a[1]).slice(0, 10);
    expect(top[0][1]).toBeGreaterThan(5 * (seed().incidents.length / 667));
  });

  it('shifts so the newest incident falls on the day of loading', () => {
    const now = new Date('2031-03-15T09:30:00Z');
    const shifted = shiftIncidentSeed(seed(), now);
    const newest = shifted
      .map((r) => r.closed_at ?? r.resolved_at ?? r.started_at ?? r.accepted_at ?? r.reported_at)
      .sort()
      .at(-1)!;
    expect(newest.slice(0, 10)).toBe('2031-03-15');
    expect(newest <= now.toISOString()).toBe(true);
  });
});

describe('checkIncidentSeed catches', () => {
  it('timestamps out of lifecycle order, a status without its timestamps and a point outside its block', () => {
    const file = copy(seed());
    const closed = file.incidents.filter((r) => r.status === 'closed');
    [closed[0].accepted_at, closed[0].resolved_at] = [closed[0].resolved_at, closed[0].accepted_at];
    delete closed[1].started_at;
    closed[2].lon += 0.05;
    const v = checkIncidentSeed(file, shipped().blocks.features);
    expect(v.find((x) => x.feature === closed[0].id)?.message).toMatch(/out of order/);
    expect(v.find((x) => x.feature === closed[1].id)?.message).toMatch(/needs started_at/);
    expect(v.find((x) => x.feature === closed[2].id)?.rule).toBe('incident_in_block');
  });
});
