// Hot spots from the daily counters only (never a scan of incidents): Gi* per block, trends,
// emerging patterns, and H3 heat — on the current boundary generation.
import { cachedQueenAdjacency } from '../../core/hotspots/adjacency.js';
import { analyseHotspots, type HotspotMetric } from '../../core/hotspots/analyse.js';
import { aggregateCells, type HexRes, hexFeatureCollection } from '../../core/hotspots/hex.js';
import type { IncidentStore } from '../../core/incidents/ports.js';
import { cstDay, cstDays } from '../../core/incidents/sla.js';
import type { BoundaryService, LoadedGeneration } from './boundaries.js';

export const WINDOWS = { '7d': 7, '30d': 30, '90d': 90 } as const;
export type WindowName = keyof typeof WINDOWS;

export interface HotspotQuery {
  window: WindowName;
  end?: string;
  class?: readonly string[];
  category?: readonly string[];
  metric: HotspotMetric;
  fdr: boolean;
}

/** Counter key `${block}|${class}|${category}` (or cell) passes the class/category filter. */
function keep(key: string, q: Pick<HotspotQuery, 'class' | 'category'>): boolean {
  const [, cls, category] = key.split('|');
  return (!q.class || q.class.includes(cls)) && (!q.category || q.category.includes(category));
}

export class HotspotService {
  constructor(
    private readonly store: IncidentStore,
    private readonly boundaries: BoundaryService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async read(loaded: LoadedGeneration, days: string[]) {
    const townships = [...loaded.townships.keys()].sort();
    return this.store.counterDays(townships, days);
  }

  /** Gi* (+ trend and pattern) per block over the window ending on `end` (CST day, default today). */
  async blocks(q: HotspotQuery) {
    const loaded = await this.boundaries.get();
    const windowDays = WINDOWS[q.window];
    const end = q.end ?? cstDay(this.now());
    const days = cstDays(end, windowDays);
    const counters = await this.read(loaded, days);
    const features = loaded.set.blocks;
    const adjacency = cachedQueenAdjacency(
      `${loaded.meta.generation}:${loaded.meta.fingerprint}`,
      () => features,
    );
    const n = adjacency.n;
    const position = new Map(adjacency.ids.map((id, i) => [String(id), i]));
    const dayIndex = new Map(days.map((d, i) => [d, i]));
    const daily = new Float64Array(days.length * n);
    for (const day of counters.days) {
      const d = dayIndex.get(day.day);
      if (d === undefined) continue;
      for (const [key, count] of day.blocks) {
        if (!keep(key, q)) continue;
        const i = position.get(key.slice(0, key.indexOf('|')));
        if (i !== undefined) daily[d * n + i] += count;
      }
    }
    const population = features.map((f) => f.properties.population_est);
    const analysis = analyseHotspots(
      { adjacency, dailyCounts: daily, days: days.length, population },
      { metric: q.metric, fdr: q.fdr },
    );
    return {
      generation: loaded.meta.generation,
      window: q.window,
      start: days[0],
      end,
      ...analysis,
      store: { items_read: counters.itemsRead, requests: counters.requests },
    };
  }

  /** Report counts per H3 hexagon (resolution 8–10) over the window, as GeoJSON. */
  async hexagons(q: Omit<HotspotQuery, 'metric' | 'fdr'> & { res: HexRes }) {
    const loaded = await this.boundaries.get();
    const end = q.end ?? cstDay(this.now());
    const days = cstDays(end, WINDOWS[q.window]);
    const counters = await this.read(loaded, days);
    const cells = new Map<string, number>();
    for (const day of counters.days) {
      for (const [key, count] of day.cells) {
        if (!keep(key, q)) continue;
        const cell = key.slice(0, key.indexOf('|'));
        cells.set(cell, (cells.get(cell) ?? 0) + count);
      }
    }
    return {
      ...hexFeatureCollection(aggregateCells(cells, q.res)),
      window: q.window,
      start: days[0],
      end,
      res: q.res,
      store: { items_read: counters.itemsRead, requests: counters.requests },
    };
  }
}
