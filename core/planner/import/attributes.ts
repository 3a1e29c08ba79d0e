// From a surveyed feature's columns to block properties: id, community (and its township), name, population.
import area from '@turf/area';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { BlockFeature, CommunityFeature } from '../../blocks/generation';
import { BLOCK_ID, COMMUNITY_CODE } from '../../geography/schemas';
import { blockName, nextBlockIds } from '../coverage';
import { EditRejectedError } from '../errors';
import { readField } from './fields';
import type { AttributeProblem, RenamedBlock } from './report';

/** What the mapping needs from the current generation. */
export interface AttributeContext {
  /** The district's communities (names, townships); a block must name one of them. */
  readonly communities: readonly CommunityFeature[];
  /** Blocks of the current generation: their ids are taken, their populations fill gaps. */
  readonly baseBlocks: readonly BlockFeature[];
  /** Ids retired by earlier edits: never handed out again. */
  readonly retiredIds: readonly string[];
  /** Generation number stamped on the blocks. */
  readonly generation: number;
}

export interface MappedFeatures {
  readonly blocks: BlockFeature[];
  readonly errors: AttributeProblem[];
  readonly renamed: RenamedBlock[];
  readonly warnings: string[];
}

/** How a feature is named in messages: its id if it has one, else its position in the file (1-based). */
export function featureLabel(f: Feature, index: number): string {
  const id = readField(f.properties, 'id') ?? f.id;
  return id === undefined ? `feature #${index + 1}` : `feature #${index + 1} (${String(id)})`;
}

const asText = (v: unknown) => (v === undefined ? undefined : String(v).trim());

function asInteger(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace(/,/g, '')) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? Math.round(n) : undefined;
}

function asBoolean(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  return ['1', 'true', 't', 'y', 'yes'].includes(String(v).trim().toLowerCase());
}

/**
 * Maps each feature's columns (common names, see FIELD_ALIASES) to BlockProperties. A feature needs a
 * block id (YH-<community code>-NN) or a community code; community and township names come from the
 * district's reference list. A feature without a usable id (none, malformed, repeated in the file, or
 * retired) gets the next free id of its community, as the edit engine hands them out. Geometry is
 * passed through untouched (cleanCoverage rounds and checks it).
 */
export function mapAttributes(features: readonly Feature[], context: AttributeContext): MappedFeatures {
  const communities = new Map(context.communities.map((c) => [c.properties.code, c.properties]));
  const base = new Map(context.baseBlocks.map((b) => [b.properties.id, b.properties]));
  const retired = new Set(context.retiredIds);
  const errors: AttributeProblem[] = [];
  const warnings: string[] = [];
  const used = new Set<string>();
  const pending: { index: number; feature: Feature; id: string | null; code: string; reason?: string }[] = [];
  features.forEach((feature, index) => {
    const label = featureLabel(feature, index);
    const type = feature.geometry?.type;
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      errors.push({ feature: label, message: `geometry is ${type ?? 'missing'}; a block must be a Polygon` });
      return;
    }
    const rawId = asText(readField(feature.properties, 'id') ?? feature.id) ?? null;
    const rawCode = asText(readField(feature.properties, 'community_code'));
    const idCode = rawId && BLOCK_ID.test(rawId) ? rawId.slice(3, 15) : undefined;
    const code = rawCode ?? idCode;
    if (!code) {
      errors.push({
        feature: label,
        message:
          'has neither a block id (YH-<12-digit community code>-NN) nor a community code; add a block_id or comm_code column',
      });
      return;
    }
    if (!COMMUNITY_CODE.test(code) || !communities.has(code)) {
      errors.push({
        feature: label,
        message: `community code ${code} is not one of the district's ${communities.size} communities (12-digit NBS codes)`,
      });
      return;
    }
    if (idCode && rawCode && idCode !== rawCode) {
      errors.push({
        feature: label,
        message: `block id ${rawId} belongs to community ${idCode} but the community column says ${rawCode}; correct one of them`,
      });
      return;
    }
    let reason: string | undefined;
    if (!rawId) reason = 'no block id';
    else if (!idCode) reason = 'malformed block id';
    else if (used.has(rawId)) reason = 'id repeated in the file';
    else if (retired.has(rawId)) reason = 'id was retired by an earlier edit';
    if (!reason) used.add(rawId as string);
    pending.push({ index, feature, id: reason ? null : rawId, code, reason });
  });
  // New ids come after every id in use: the file's, the current generation's and the retired ones.
  const taken = { blocks: [], assignments: {}, retired_ids: [...used, ...base.keys(), ...retired] };
  const renamed: RenamedBlock[] = [];
  const fresh = new Map<string, string[]>();
  for (const code of new Set(pending.filter((p) => !p.id).map((p) => p.code))) {
    const count = pending.filter((p) => !p.id && p.code === code).length;
    try {
      fresh.set(code, nextBlockIds(taken, code, count));
    } catch (error) {
      if (!(error instanceof EditRejectedError)) throw error;
      errors.push({ feature: `community ${code}`, message: error.message });
    }
  }
  const blocks: BlockFeature[] = [];
  const noPopulation: string[] = [];
  for (const p of pending) {
    const label = featureLabel(p.feature, p.index);
    const rawId = asText(readField(p.feature.properties, 'id') ?? p.feature.id) ?? null;
    const id = p.id ?? fresh.get(p.code)?.shift();
    if (!id) continue;
    if (!p.id) renamed.push({ feature: label, from: rawId, to: id, reason: p.reason ?? '' });
    const community = communities.get(p.code)!;
    let population = asInteger(readField(p.feature.properties, 'population'));
    if (population === undefined) {
      population = base.get(id)?.population_est ?? 0;
      noPopulation.push(id);
    }
    const geometry = p.feature.geometry as Polygon | MultiPolygon;
    blocks.push({
      type: 'Feature',
      properties: {
        id,
        name: asText(readField(p.feature.properties, 'name')) ?? blockName(community.name, id),
        community_code: community.code,
        community_name: community.name,
        township_code: community.township_code,
        township_name: community.township_name,
        population_est: population,
        area_m2: Math.max(1, Math.round(area(geometry as Geometry))),
        generation: context.generation,
        synthetic: asBoolean(readField(p.feature.properties, 'synthetic') ?? false),
      },
      geometry,
    });
  }
  if (noPopulation.length)
    warnings.push(
      `${noPopulation.length} block(s) without a population: kept the current value where the id exists, else 0 (${noPopulation.slice(0, 5).join(', ')}${noPopulation.length > 5 ? ', …' : ''})`,
    );
  return { blocks, errors, renamed, warnings };
}
