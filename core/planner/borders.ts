// Which borders an edit may not move: the district's outer boundary always, township or community borders by option.
import type { BlockFeature } from '../blocks/generation';
import type { IntPoint } from '../geography/geom';
import { reject } from './errors';
import type { LockedBorders } from './patch';
import { lonLat } from './ring';

/** The kind of border between two blocks (the second absent: the district's outer boundary). */
export function borderKind(
  a: BlockFeature,
  b: BlockFeature | undefined,
): 'outer' | 'township' | 'community' | 'block' {
  if (!b) return 'outer';
  if (a.properties.township_code !== b.properties.township_code) return 'township';
  if (a.properties.community_code !== b.properties.community_code) return 'community';
  return 'block';
}

/** Whether a border of this kind is locked under the option. */
export function isLocked(kind: ReturnType<typeof borderKind>, locked: LockedBorders): boolean {
  if (kind === 'outer') return true;
  if (kind === 'township') return locked !== 'none';
  if (kind === 'community') return locked === 'community';
  return false;
}

/** Throws the rule for moving a locked border between a and b (b absent: outer boundary). */
export function rejectLocked(
  a: BlockFeature,
  b: BlockFeature | undefined,
  at: readonly IntPoint[],
  what: string,
): never {
  const blocks = b ? [a.properties.id, b.properties.id] : [a.properties.id];
  if (!b)
    reject(
      'EDIT_OUTER_BOUNDARY',
      `${what} would change the district's outer boundary at ${JSON.stringify(at.map(lonLat))}, which is fixed; edit only borders between blocks (snap a cutting line to an existing boundary corner)`,
      {
        at: at.map(lonLat),
        blocks,
      },
    );
  const kind = borderKind(a, b);
  reject(
    'EDIT_LOCKED_BORDER',
    `${what} would move the ${kind} border between ${a.properties.id} and ${b.properties.id}, which is locked in this draft; edit a border inside one ${kind} (or snap to an existing corner)`,
    {
      at: at.map(lonLat),
      blocks,
      border: kind,
    },
  );
}
