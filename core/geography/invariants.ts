// All geography invariants in one call, for data:check, the tests and (later) the planner's draft validation.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { checkAssets } from './assets-check';
import { checkCadres, checkDepartments } from './cadres-check';
import { findCornerOverlaps } from './corner-overlaps';
import { checkCoverage } from './coverage';
import { findBorderCrossings } from './crossings';
import { checkIncidentSeed } from './incident-seed';
import { checkNesting, checkTiling } from './nesting';
import { checkRecords } from './records';
import type { BlockProperties, CommunityProperties, TownshipProperties } from './schemas';
import { findTJunctions } from './topology';
import { checkValidity } from './validity';
import type { Violation } from './violation';

/** The parsed shipped files; the optional ones are checked when present. */
export interface GeographyFiles {
  readonly district: FeatureCollection;
  readonly townships: FeatureCollection<Geometry, TownshipProperties>;
  readonly communities: FeatureCollection<Geometry, CommunityProperties>;
  readonly blocks: FeatureCollection<Geometry, BlockProperties>;
  readonly assets?: FeatureCollection<Geometry, Record<string, unknown>>;
  readonly departments?: unknown;
  readonly cadres?: unknown;
  readonly incidents?: unknown;
}

/** Which checks to run; all default to true. Coverage is the slowest (one polygon union, < 1 s). */
export interface CheckOptions {
  readonly coverage?: boolean;
  readonly incidents?: boolean;
}

const blockId = (f: Feature<Geometry, BlockProperties>) => f.properties.id;
const communityCode = (f: Feature<Geometry, CommunityProperties>) => f.properties.code;
const townshipCode = (f: Feature<Geometry, TownshipProperties>) => f.properties.code;

/**
 * Geometry rules for the three admin layers: validity, T-junctions, nesting, tiling; and for blocks, no
 * overlap however small (no border crossing another, no border running into a neighbour from a shared
 * corner), which the area-based coverage check cannot promise below its 10 m² total.
 */
export function checkTopology(files: GeographyFiles): Violation[] {
  const blocks = files.blocks.features;
  const communities = files.communities.features;
  const townships = files.townships.features;
  const districtFeature = files.district.features[0] as Feature<Polygon | MultiPolygon> | undefined;
  const out: Violation[] = [
    ...checkValidity(files.district.features, () => 'district'),
    ...checkValidity(townships, townshipCode),
    ...checkValidity(communities, communityCode),
    ...checkValidity(blocks, blockId),
    ...findTJunctions(blocks, blockId),
    ...findBorderCrossings(blocks, blockId),
    ...findCornerOverlaps(blocks, blockId),
    ...findTJunctions(communities, communityCode).map((v) => ({ ...v, rule: 't_junction_communities' })),
    ...findTJunctions(townships, townshipCode).map((v) => ({ ...v, rule: 't_junction_townships' })),
  ];
  const blockInCommunity = {
    childId: blockId,
    parentOf: (f: Feature<Geometry, BlockProperties>) => f.properties.community_code,
    parentId: communityCode,
    childName: 'block',
    parentName: 'community',
  };
  const communityInTownship = {
    childId: communityCode,
    parentOf: (f: Feature<Geometry, CommunityProperties>) => f.properties.township_code,
    parentId: townshipCode,
    childName: 'community',
    parentName: 'township',
  };
  out.push(
    ...checkNesting(blocks, communities, blockInCommunity),
    ...checkNesting(communities, townships, communityInTownship),
    ...checkTiling(blocks, communities, blockInCommunity),
    ...checkTiling(communities, townships, communityInTownship),
  );
  if (districtFeature) {
    const inDistrict = {
      childId: townshipCode,
      parentOf: () => 'district',
      parentId: () => 'district',
      childName: 'township',
      parentName: 'district',
    };
    out.push(
      ...checkNesting(townships, [districtFeature as Feature<Geometry, TownshipProperties>], inDistrict),
    );
  }
  return out;
}

/** Runs every invariant and returns the violations (empty when the data is clean). */
export function checkGeography(files: GeographyFiles, options: CheckOptions = {}): Violation[] {
  const blocks = files.blocks.features;
  const out: Violation[] = [
    ...checkRecords({ townships: files.townships.features, communities: files.communities.features, blocks }),
    ...checkTopology(files),
  ];
  const district = files.district.features[0]?.geometry;
  if (
    options.coverage !== false &&
    district &&
    (district.type === 'Polygon' || district.type === 'MultiPolygon')
  ) {
    out.push(
      ...checkCoverage(blocks as Feature<Polygon | MultiPolygon, BlockProperties>[], district, blockId),
    );
  }
  if (files.assets)
    out.push(...checkAssets(files.assets.features, blocks, files.townships.features.map(townshipCode)));
  if (files.cadres !== undefined) out.push(...checkCadres(files.cadres, blocks));
  if (files.departments !== undefined) out.push(...checkDepartments(files.departments));
  if (files.incidents !== undefined && options.incidents !== false)
    out.push(...checkIncidentSeed(files.incidents, blocks));
  return out;
}
