// Synthetic cadres per block (one governor, assistants, one supervisor) and 85 family-doctor teams.
import { adjacency } from '../../core/geography/adjacency';
import type { Assignment, Cadre, CadresFile, DoctorTeam } from '../../core/geography/schemas';
import type { Block } from './blocks';
import { buildDepartments } from './departments';
import { groupContiguous } from './grouping';
import { personName } from './names';
import type { Random } from './random';
import type { RawData } from './raw';

/** Number of family-doctor teams (the seeds: 85 家庭医生团队). */
export const DOCTOR_TEAMS = 85;

/** Largest-remainder split of `total` in proportion to `weights`, at least 1 each. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => Math.max(1, (w * total) / sum));
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; counts.reduce((s, c) => s + c, 0) < total; k++) counts[order[k % order.length].i]++;
  return counts;
}

/** Family-doctor teams: contiguous sets of blocks within each township. */
function doctorTeams(blocks: Block[], raw: RawData, random: Random): DoctorTeam[] {
  const neighbours = adjacency(blocks.map((b) => b.feature.geometry));
  const perTownship = apportion(
    DOCTOR_TEAMS,
    raw.townships.map((t) => blocks.filter((b) => b.feature.properties.township_code === t.code).length),
  );
  const teams: DoctorTeam[] = [];
  raw.townships.forEach((t, ti) => {
    const items = blocks.flatMap((b, index) =>
      b.feature.properties.township_code === t.code
        ? [{ index, xy: b.seed as [number, number], weight: 1 }]
        : [],
    );
    const groups = groupContiguous(items, new Array(perTownship[ti]).fill(1), neighbours);
    const centre = t.type === 'subdistrict' ? '社区卫生服务中心' : '卫生院';
    groups.forEach((members, k) => {
      const n = teams.length + 1;
      teams.push({
        id: `DT${String(n).padStart(2, '0')}`,
        name: `${t.name}${centre}家庭医生团队${k + 1}`,
        lead: personName(random, random.chance(0.6) ? 'F' : 'M'),
        phone: `0731-0000-${8000 + n}`,
        blocks: members.map((i) => blocks[i].feature.properties.id).sort(),
        synthetic: true,
      });
    });
  });
  return teams;
}

/** Builds cadres.json: cadres, one assignment per block, doctor teams. Ids and phones are synthetic. */
export function buildCadres(blocks: Block[], raw: RawData, random: Random): CadresFile {
  const cadres: Cadre[] = [];
  const hire = (role_title: string, unit: string, femaleShare = 0.45): string => {
    const n = cadres.length + 1;
    const gender = random.chance(femaleShare) ? 'F' : 'M';
    const id = `C${String(n).padStart(5, '0')}`;
    cadres.push({
      id,
      name: personName(random, gender),
      gender,
      role_title,
      unit,
      phone: `100-0000-${String(n).padStart(4, '0')}`,
      synthetic: true,
    });
    return id;
  };
  const departments = buildDepartments();
  const townshipOf = new Map(raw.townships.map((t) => [t.code, t]));
  const villageOf = new Map(raw.communities.map((c) => [c.code, c.type === 'village']));
  const pools = new Map<string, { cadres: string[]; blocks: number }>();
  const teams = doctorTeams(blocks, raw, random);
  const teamOf = new Map(teams.flatMap((t) => t.blocks.map((b) => [b, t.id] as const)));
  const assignments: Assignment[] = blocks.map((block, i) => {
    const p = block.feature.properties;
    const t = townshipOf.get(p.township_code)!;
    const village = villageOf.get(p.community_code)!;
    const n = Number(p.id.slice(-2));
    const local = village
      ? (['村党总支书记', '村委会主任', '村委委员', '网格员'] as const)
      : (['社区党委书记', '社区居委会主任', '社区委员', '网格员'] as const);
    const governor = hire(
      n <= 2 ? local[n - 1] : random.pick(local.slice(2)),
      `${t.name}${p.community_name}`,
      0.55,
    );
    const level = t.type === 'subdistrict' ? '街道' : t.type === 'town' ? '镇' : '乡';
    const party = t.type === 'subdistrict' ? '党工委' : '党委';
    // Township officials each help about four blocks of their township.
    const pool = pools.get(t.code) ?? { cadres: [], blocks: 0 };
    pools.set(t.code, pool);
    pool.blocks++;
    if (pool.cadres.length < Math.ceil(pool.blocks / 4)) {
      pool.cadres.push(
        hire(
          random.pick([`${level}${party}委员`, `${level}机关干部`, `${level}站所负责人`]),
          `${t.name}机关`,
        ),
      );
    }
    const assistants = [random.pick(pool.cadres)];
    const dept = random.pick(departments);
    assistants.push(hire('下沉机关干部', dept.name));
    assistants.push(
      hire(
        village ? random.pick(['村民小组长', '党员志愿者']) : random.pick(['楼栋长', '党员志愿者']),
        `${t.name}${p.community_name}`,
      ),
    );
    if (random.chance(0.45))
      assistants.push(
        hire(
          random.pick(['社区民警', '驻区律师', '物业负责人']),
          village ? `${t.name}派出所` : `${t.name}${p.community_name}`,
        ),
      );
    const supervisor = hire(random.pick(['人大代表', '政协委员', '居民监督员', '纪检监督员']), `${t.name}`);
    return {
      block_id: p.id,
      governor,
      assistants,
      supervisor,
      doctor_team: teamOf.get(p.id)!,
      duty_phone: `0731-0000-${String(i + 1).padStart(4, '0')}`,
    };
  });
  return { cadres, assignments, doctor_teams: teams };
}
