// Seeds cadres, their assignments (versioned with generation 1), doctor teams, departments and assets.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AssetFeature } from '../../core/blocks/ports.js';
import { CadresFileSchema, DepartmentsFileSchema } from '../../core/geography/schemas.js';
import type { Runtime } from '../runtime.js';
import { batchPut } from '../store/batch.js';
import { keys } from '../store/keys.js';

/** Writes the reference data for `generation`; returns how many items of each kind it wrote. */
export async function seedReferenceData(
  runtime: Runtime,
  dataDir: string,
  generation: number,
  log: (line: string) => void,
): Promise<Record<string, number>> {
  const read = async (file: string) => JSON.parse(await readFile(join(dataDir, file), 'utf8'));
  const cadres = CadresFileSchema.parse(await read('cadres.json'));
  const departments = DepartmentsFileSchema.parse(await read('departments.json'));
  const assets = (await read('assets.geojson')) as { features: AssetFeature[] };
  const items: Record<string, unknown>[] = [
    ...cadres.cadres.map((c) => ({ ...keys.cadre(c.id), _type: 'cadre', ...c })),
    ...cadres.assignments.map((a) => ({
      ...keys.assignment(generation, a.block_id),
      _type: 'assignment',
      ...a,
    })),
    ...cadres.assignments.flatMap((a) =>
      [
        [a.governor, 'governor'],
        ...a.assistants.map((id) => [id, 'assistant']),
        [a.supervisor, 'supervisor'],
      ].map(([id, role]) => ({
        ...keys.cadreBlock(id, generation, a.block_id),
        _type: 'cadre_block',
        block_id: a.block_id,
        role,
      })),
    ),
    ...cadres.doctor_teams.map((t) => ({ ...keys.doctorTeam(t.id), _type: 'doctor_team', ...t })),
    ...departments.departments.map((d) => ({
      ...keys.department(d.key),
      gsi1pk: 'DEPARTMENTS',
      gsi1sk: d.key,
      _type: 'department',
      ...d,
    })),
    ...assets.features.map((f) => ({
      ...keys.asset(f.properties.id),
      _type: 'asset',
      ...f.properties,
      geometry: JSON.stringify(f.geometry),
    })),
  ];
  let last = 0;
  await batchPut(runtime.clients.doc, runtime.services.config.TABLE_NAME, items, (written) => {
    if (written - last >= 1000 || written === items.length) {
      log(`reference data: ${written}/${items.length} items`);
      last = written;
    }
  });
  return {
    cadres: cadres.cadres.length,
    assignments: cadres.assignments.length,
    doctor_teams: cadres.doctor_teams.length,
    departments: departments.departments.length,
    assets: assets.features.length,
  };
}
