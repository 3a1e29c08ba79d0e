// Why the planner refused an edit: one stable code per rule, 422, with where it broke (coordinates, block ids).
import { DomainError } from '../errors';

/** Every rule an edit can break; the code is stable API, the message says what to do. */
export const EDIT_RULES = [
  'EDIT_UNKNOWN_BLOCK',
  'EDIT_UNKNOWN_COMMUNITY',
  'EDIT_NO_CHANGE',
  'EDIT_VERTEX_NOT_FOUND',
  'EDIT_VERTEX_COLLISION',
  'EDIT_OUTER_BOUNDARY',
  'EDIT_LOCKED_BORDER',
  'EDIT_NOT_ADJACENT',
  'EDIT_NOT_SHARED_EDGE',
  'EDIT_DIFFERENT_COMMUNITY',
  'EDIT_OUTSIDE_COMMUNITY',
  'EDIT_COMMUNITY_EMPTY',
  'EDIT_COMMUNITY_SPLIT',
  'EDIT_TOWNSHIP_SPLIT',
  'EDIT_MERGE_HOLE',
  'EDIT_LINE_DOES_NOT_CROSS',
  'EDIT_LINE_MULTIPLE_CUTS',
  'EDIT_TOO_MANY_BLOCKS',
  'EDIT_GAP',
  'EDIT_SELF_INTERSECTION',
  'EDIT_OVERLAP',
  'EDIT_INVALID_GEOMETRY',
  'EDIT_T_JUNCTION',
  'EDIT_TOO_SMALL',
  'EDIT_CADRE_ROLES',
] as const;

export type EditRule = (typeof EDIT_RULES)[number];

/** Where an edit broke a rule: positions as [lon, lat] (6 decimals) and the blocks involved. */
export interface EditErrorDetails extends Record<string, unknown> {
  readonly at?: readonly (readonly number[])[];
  readonly blocks?: readonly string[];
}

/** An edit that would break a coverage rule; the draft is left exactly as it was. */
export class EditRejectedError extends DomainError {
  declare readonly code: EditRule;
  declare readonly details: EditErrorDetails;

  constructor(code: EditRule, message: string, details: EditErrorDetails = {}) {
    super(code, message, 422, details);
    this.name = 'EditRejectedError';
  }
}

/** Throws an EditRejectedError (a statement-friendly shorthand). */
export function reject(code: EditRule, message: string, details: EditErrorDetails = {}): never {
  throw new EditRejectedError(code, message, details);
}
