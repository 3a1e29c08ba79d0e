// Measures what a hot-spot request reads from the store at 20,000 and at 1,000,000 stored incidents
// (the second simulated by loading counters only): the count must not grow with incidents.

import { INCIDENT_CATEGORY_KEYS, INCIDENT_CLASSES } from '../../core/incidents/categories.js';
import { cstDay, cstDays } from '../../core/incidents/sla.js';
import { loadConfig } from '../../functions/config.js';
import { startDynamoLocal } from '../../functions/local/dynamodb-local.js';
import { seedIfEmpty } from '../../functions/local/seed.js';
import { buildRuntime } from '../../functions/runtime.js';
import { batchPut } from '../../functions/store/batch.js';
import { counterAttr, incidentKeys } from '../../functions/store/keys.js';
import { migrate } from '../../functions/store/migrations.js';
import { ensureTable } from '../../functions/store/table-admin.js';

export interface StoreCost {
  incidents: number;
  itemsRead: number;
  requests: number;
  ms: number;
}

/** Runs the 90-day hot-spot request against DynamoDB Local twice: seed data, then 1,000,000 incidents' counters. */
export async function measureStoreCost(random: () => number): Promise<StoreCost[]> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const store = await startDynamoLocal();
  try {
    const config = loadConfig({
      APP_ENV: 'test',
      LOG_LEVEL: 'silent',
      DYNAMODB_ENDPOINT: store.endpoint,
      TABLE_NAME: 'bench-hotspots',
    });
    const runtime = buildRuntime(config);
    await ensureTable(runtime.clients.raw, config.TABLE_NAME);
    await migrate(runtime.clients.doc, config.TABLE_NAME);
    await seedIfEmpty(runtime, { incidents: 'counters' });
    const run = async (incidents: number): Promise<StoreCost> => {
      runtime.services.boundaries.invalidateCurrent();
      const started = performance.now();
      const r = await runtime.services.hotspots.blocks({ window: '90d', metric: 'count', fdr: false });
      return {
        incidents,
        itemsRead: r.store.items_read,
        requests: r.store.requests,
        ms: performance.now() - started,
      };
    };
    const results = [await run(20_000)];
    // 1,000,000 incidents over 365 days: rewrite every township × day counter item with ~183 reports.
    const loaded = await runtime.services.boundaries.get();
    const byTownship = new Map<string, string[]>();
    for (const b of loaded.set.blocks)
      byTownship.set(b.properties.township_code, [
        ...(byTownship.get(b.properties.township_code) ?? []),
        b.properties.id,
      ]);
    const days = cstDays(cstDay(new Date()), 365);
    const perItem = Math.round(1_000_000 / (days.length * byTownship.size));
    const items: Record<string, unknown>[] = [];
    for (const [township, ids] of byTownship) {
      for (const day of days) {
        const item: Record<string, unknown> = {
          ...incidentKeys.counter(township, day),
          _type: 'counter',
          total: perItem,
        };
        for (let k = 0; k < perItem; k++) {
          const block = ids[Math.floor(random() * ids.length)];
          const cls = INCIDENT_CLASSES[Math.floor(random() * 4)];
          const cat = INCIDENT_CATEGORY_KEYS[Math.floor(random() * INCIDENT_CATEGORY_KEYS.length)];
          const name = counterAttr.block(block, cls, cat);
          item[name] = ((item[name] as number | undefined) ?? 0) + 1;
        }
        items.push(item);
      }
    }
    await batchPut(runtime.clients.doc, config.TABLE_NAME, items);
    results.push(await run(perItem * items.length));
    runtime.clients.raw.destroy();
    return results;
  } finally {
    await store.stop();
  }
}
