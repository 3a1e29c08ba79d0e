// Record-level invariants: property schemas, exact counts, unique ids, and codes that point at real parents.
import type { Feature, Geometry } from 'geojson';
import type { z } from 'zod';
import {
  type BlockProperties,
  BlockPropertiesSchema,
  type CommunityProperties,
  CommunityPropertiesSchema,
  type TownshipProperties,
  TownshipPropertiesSchema,
} from './schemas';
import type { Violation } from './violation';

/** The official and reform figures every shipped generation must match. */
export const EXPECTED_COUNTS = { blocks: 667, communities: 135, townships: 15 } as const;

export interface AdminLayers {
  readonly townships: readonly Feature<Geometry, TownshipProperties>[];
  readonly communities: readonly Feature<Geometry, CommunityProperties>[];
  readonly blocks: readonly Feature<Geometry, BlockProperties>[];
}

function schemaViolations(
  layer: string,
  features: readonly Feature<Geometry, unknown>[],
  schema: z.ZodType,
  idKey: string,
): Violation[] {
  return features.flatMap((f, i) => {
    const result = schema.safeParse(f.properties);
    if (result.success) return [];
    const issue = result.error.issues[0];
    const id = String((f.properties as Record<string, unknown> | null)?.[idKey] ?? `${layer}[${i}]`);
    return [
      {
        rule: 'schema',
        feature: id,
        message: `${layer} property ${issue.path.join('.') || '(root)'}: ${issue.message}`,
      },
    ];
  });
}

function countViolation(layer: string, actual: number, expected: number): Violation[] {
  if (actual === expected) return [];
  return [
    {
      rule: 'count',
      feature: layer,
      message: `expected ${expected} ${layer}, found ${actual}`,
      numbers: { expected, actual },
    },
  ];
}

function duplicates(layer: string, ids: readonly string[]): Violation[] {
  const seen = new Set<string>();
  const out: Violation[] = [];
  for (const id of ids) {
    if (seen.has(id))
      out.push({
        rule: 'unique_id',
        feature: id,
        message: `${layer} id ${id} is used more than once; ids must be unique`,
      });
    seen.add(id);
  }
  return out;
}

/** Schemas, counts (667/135/15), unique ids, and block → community → township references. */
export function checkRecords(layers: AdminLayers, expected = EXPECTED_COUNTS): Violation[] {
  const { townships, communities, blocks } = layers;
  const out: Violation[] = [
    ...schemaViolations('township', townships, TownshipPropertiesSchema, 'code'),
    ...schemaViolations('community', communities, CommunityPropertiesSchema, 'code'),
    ...schemaViolations('block', blocks, BlockPropertiesSchema, 'id'),
    ...countViolation('townships', townships.length, expected.townships),
    ...countViolation('communities', communities.length, expected.communities),
    ...countViolation('blocks', blocks.length, expected.blocks),
    ...duplicates(
      'township',
      townships.map((t) => t.properties.code),
    ),
    ...duplicates(
      'community',
      communities.map((c) => c.properties.code),
    ),
    ...duplicates(
      'block',
      blocks.map((b) => b.properties.id),
    ),
  ];
  const townshipByCode = new Map(townships.map((t) => [t.properties.code, t.properties]));
  const communityByCode = new Map(communities.map((c) => [c.properties.code, c.properties]));
  for (const c of communities) {
    if (!townshipByCode.has(c.properties.township_code)) {
      out.push({
        rule: 'reference',
        feature: c.properties.code,
        message: `community names township ${c.properties.township_code}, which does not exist`,
      });
    }
  }
  for (const b of blocks) {
    const p = b.properties;
    const community = communityByCode.get(p.community_code);
    const township = townshipByCode.get(p.township_code);
    const problems = [
      !community && `community ${p.community_code} does not exist`,
      !township && `township ${p.township_code} does not exist`,
      community &&
        community.township_code !== p.township_code &&
        `its community belongs to ${community.township_code}, not ${p.township_code}`,
      community &&
        community.name !== p.community_name &&
        `community_name "${p.community_name}" should be "${community.name}"`,
      township &&
        township.name !== p.township_name &&
        `township_name "${p.township_name}" should be "${township.name}"`,
      !p.id.startsWith(`YH-${p.community_code}-`) && `id should start with YH-${p.community_code}-`,
    ].filter((x): x is string => typeof x === 'string');
    for (const message of problems) out.push({ rule: 'reference', feature: p.id, message });
  }
  return out;
}
