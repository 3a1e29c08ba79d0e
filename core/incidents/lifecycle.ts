// The incident state machine: the transition table of docs/lifecycle.md as data, and the pure
// decision "may this actor do this action from this state, and where does it lead".
import { DomainError } from '../errors.js';

export const STATES = [
  'reported',
  'accepted',
  'in_progress',
  'resolved',
  'closed',
  'escalated',
  'rejected',
  'reopened',
] as const;
export type State = (typeof STATES)[number];

export const ACTIONS = [
  'accept',
  'assign',
  'escalate',
  'start',
  'resolve',
  'reject',
  'reopen',
  'rate',
  'close',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTORS = ['reporter', 'cadre', 'dispatcher', 'department', 'admin', 'system'] as const;
export type Actor = (typeof ACTORS)[number];

export type Requirement = 'assignee' | 'class' | 'note' | 'reason' | 'rating';

export interface TransitionRule {
  action: Action;
  from: readonly State[];
  actors: readonly Actor[];
  /** null: the state does not change (assign). */
  to: State | null;
  requires: readonly Requirement[];
}

/** Exactly the table in docs/lifecycle.md (a test parses the document and compares). */
export const TRANSITIONS: readonly TransitionRule[] = [
  {
    action: 'accept',
    from: ['reported', 'reopened'],
    actors: ['cadre', 'dispatcher', 'admin'],
    to: 'accepted',
    requires: [],
  },
  {
    action: 'accept',
    from: ['escalated'],
    actors: ['department', 'dispatcher', 'admin'],
    to: 'accepted',
    requires: [],
  },
  {
    action: 'assign',
    from: ['reported', 'accepted', 'in_progress', 'reopened', 'escalated'],
    actors: ['dispatcher', 'department', 'admin'],
    to: null,
    requires: ['assignee'],
  },
  {
    action: 'escalate',
    from: ['reported', 'accepted', 'in_progress', 'reopened'],
    actors: ['cadre', 'dispatcher', 'admin'],
    to: 'escalated',
    requires: ['class'],
  },
  {
    action: 'start',
    from: ['accepted'],
    actors: ['cadre', 'department', 'dispatcher', 'admin'],
    to: 'in_progress',
    requires: [],
  },
  {
    action: 'resolve',
    from: ['accepted', 'in_progress'],
    actors: ['cadre', 'department', 'dispatcher', 'admin'],
    to: 'resolved',
    requires: ['note'],
  },
  {
    action: 'reject',
    from: ['reported', 'reopened', 'escalated'],
    actors: ['cadre', 'dispatcher', 'admin'],
    to: 'rejected',
    requires: ['reason'],
  },
  {
    action: 'reopen',
    from: ['resolved'],
    actors: ['reporter', 'dispatcher', 'admin'],
    to: 'reopened',
    requires: ['note'],
  },
  { action: 'rate', from: ['resolved'], actors: ['reporter'], to: 'closed', requires: ['rating'] },
  {
    action: 'close',
    from: ['resolved'],
    actors: ['dispatcher', 'admin', 'system'],
    to: 'closed',
    requires: [],
  },
];

export const FINAL_STATES: readonly State[] = ['closed', 'rejected'];
export const OPEN_STATES: readonly State[] = STATES.filter(
  (s) => !FINAL_STATES.includes(s) && s !== 'resolved',
);

/** Days after resolution during which the reporter may reopen, and after which it closes itself. */
export const REOPEN_WINDOW_DAYS = 7;

/** The rule that lets `actors` (any of the caller's capacities) do `action` from `state`, if any. */
export function findRule(state: State, action: Action, actors: readonly Actor[]): TransitionRule | undefined {
  return TRANSITIONS.find(
    (r) => r.action === action && r.from.includes(state) && r.actors.some((a) => actors.includes(a)),
  );
}

/** Actions the caller may take from `state` (for 422 messages and the UI's buttons). */
export function allowedActions(state: State, actors: readonly Actor[]): Action[] {
  return ACTIONS.filter((a) => findRule(state, a, actors) !== undefined);
}

/** Raised for an action the state machine does not allow; names the allowed ones. */
export class IllegalTransitionError extends DomainError {
  constructor(state: State, action: Action, allowed: Action[]) {
    super(
      'ILLEGAL_TRANSITION',
      `cannot ${action} an incident that is ${state}${
        allowed.length
          ? `; allowed for you now: ${allowed.join(', ')}`
          : '; no action is open to you in this state'
      }`,
      422,
      { state, action, allowed },
    );
  }
}

/** The target state of a legal transition, or IllegalTransitionError. */
export function nextState(state: State, action: Action, actors: readonly Actor[]): State {
  const rule = findRule(state, action, actors);
  if (!rule) throw new IllegalTransitionError(state, action, allowedActions(state, actors));
  return rule.to ?? state;
}
