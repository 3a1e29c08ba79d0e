// Cadre invariants: one governor, ≥ 1 assistant, one supervisor per block; 85 doctor teams covering every block.
import type { Feature, Geometry } from 'geojson';
import { INCIDENT_CATEGORIES, INCIDENT_CATEGORY_KEYS } from '../incidents/categories';
import { type BlockProperties, CadresFileSchema, DepartmentsFileSchema } from './schemas';
import type { Violation } from './violation';

export const CADRE_FIGURES = { minCadres: 3000, doctorTeams: 85 } as const;

/** Checks cadres.json against the blocks (ids resolve, roles per block, doctor-team coverage). */
export function checkCadres(
  file: unknown,
  blocks: readonly Feature<Geometry, BlockProperties>[],
): Violation[] {
  const parsed = CadresFileSchema.safeParse(file);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return [{ rule: 'schema', feature: `cadres.${issue.path.join('.')}`, message: issue.message }];
  }
  const { cadres, assignments, doctor_teams: teams } = parsed.data;
  const out: Violation[] = [];
  const cadreIds = new Set(cadres.map((c) => c.id));
  if (cadreIds.size !== cadres.length)
    out.push({ rule: 'unique_id', feature: 'cadres', message: 'cadre ids repeat' });
  if (cadres.length < CADRE_FIGURES.minCadres) {
    out.push({
      rule: 'cadre_roles',
      feature: 'cadres',
      message: `expected over ${CADRE_FIGURES.minCadres} cadres`,
      numbers: { actual: cadres.length },
    });
  }
  const blockIds = new Set(blocks.map((b) => b.properties.id));
  const assigned = new Map<string, number>();
  const duty = new Set<string>();
  for (const a of assignments) {
    assigned.set(a.block_id, (assigned.get(a.block_id) ?? 0) + 1);
    const fail = (message: string) => out.push({ rule: 'cadre_roles', feature: a.block_id, message });
    if (!blockIds.has(a.block_id)) fail('assignment for a block that does not exist');
    for (const id of [a.governor, a.supervisor, ...a.assistants])
      if (!cadreIds.has(id)) fail(`cadre ${id} does not exist`);
    if (
      a.assistants.includes(a.governor) ||
      a.assistants.includes(a.supervisor) ||
      a.governor === a.supervisor
    ) {
      fail('governor, assistants and supervisor must be different people');
    }
    if (new Set(a.assistants).size !== a.assistants.length) fail('an assistant is listed twice');
    if (duty.has(a.duty_phone)) fail(`duty phone ${a.duty_phone} is shared with another block`);
    duty.add(a.duty_phone);
  }
  for (const id of blockIds) {
    const n = assigned.get(id) ?? 0;
    if (n !== 1)
      out.push({
        rule: 'cadre_roles',
        feature: id,
        message: `block has ${n} assignments; it needs exactly one (one governor, ≥ 1 assistant, one supervisor)`,
      });
  }
  if (teams.length !== CADRE_FIGURES.doctorTeams) {
    out.push({
      rule: 'doctor_teams',
      feature: 'doctor_teams',
      message: `expected ${CADRE_FIGURES.doctorTeams} teams`,
      numbers: { actual: teams.length },
    });
  }
  const teamOf = new Map<string, string>();
  for (const t of teams) {
    for (const b of t.blocks) {
      if (teamOf.has(b))
        out.push({
          rule: 'doctor_teams',
          feature: b,
          message: `block is served by both ${teamOf.get(b)} and ${t.id}`,
        });
      teamOf.set(b, t.id);
    }
  }
  for (const a of assignments) {
    if (teamOf.get(a.block_id) !== a.doctor_team) {
      out.push({
        rule: 'doctor_teams',
        feature: a.block_id,
        message: `assignment says team ${a.doctor_team}, the teams list says ${teamOf.get(a.block_id) ?? 'none'}`,
      });
    }
  }
  return out;
}

/** Checks departments.json: schema, and each category's class-C department really takes that category. */
export function checkDepartments(file: unknown): Violation[] {
  const parsed = DepartmentsFileSchema.safeParse(file);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return [{ rule: 'schema', feature: `departments.${issue.path.join('.')}`, message: issue.message }];
  }
  const out: Violation[] = [];
  const byKey = new Map(parsed.data.departments.map((d) => [d.key, d]));
  for (const d of parsed.data.departments) {
    for (const c of d.categories) {
      if (!(INCIDENT_CATEGORY_KEYS as readonly string[]).includes(c))
        out.push({ rule: 'reference', feature: d.key, message: `unknown category ${c}` });
    }
  }
  for (const c of INCIDENT_CATEGORIES) {
    if (!byKey.get(c.department)?.categories.includes(c.key)) {
      out.push({
        rule: 'reference',
        feature: c.key,
        message: `category's class-C department ${c.department} is missing or does not list it`,
      });
    }
  }
  return out;
}
