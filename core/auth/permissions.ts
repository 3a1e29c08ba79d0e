// The permission matrix: which roles may perform which action. The one place access is decided;
// routes name the action they perform and tests check every cell.
import type { Principal, Role } from './principal.js';

/** Who may do what. `anonymous` marks actions open to callers without a token. */
export const PERMISSIONS = {
  'boundaries:read': {
    roles: ['resident', 'cadre', 'dispatcher', 'department', 'planner', 'admin'],
    anonymous: true,
  },
  'locate:read': {
    roles: ['resident', 'cadre', 'dispatcher', 'department', 'planner', 'admin'],
    anonymous: true,
  },
  'cadres:read-contact': { roles: ['cadre', 'dispatcher', 'admin'], anonymous: false },
  'incidents:create': { roles: ['resident', 'cadre', 'dispatcher', 'admin'], anonymous: true },
  'incidents:read-public': {
    roles: ['resident', 'cadre', 'dispatcher', 'department', 'planner', 'admin'],
    anonymous: true,
  },
  'incidents:read-full': { roles: ['cadre', 'dispatcher', 'department', 'admin'], anonymous: false },
  'incidents:transition': {
    roles: ['resident', 'cadre', 'dispatcher', 'department', 'admin'],
    anonymous: true,
  },
  'hotspots:read': { roles: ['dispatcher', 'planner', 'admin'], anonymous: false },
  'generations:read': { roles: ['planner', 'dispatcher', 'admin'], anonymous: false },
  'generations:edit': { roles: ['planner', 'admin'], anonymous: false },
  'generations:publish': { roles: ['planner', 'admin'], anonymous: false },
  'uploads:create': { roles: ['resident', 'cadre', 'dispatcher', 'department', 'admin'], anonymous: true },
} as const satisfies Record<string, { roles: readonly Role[]; anonymous: boolean }>;

export type Action = keyof typeof PERMISSIONS;

export type Decision = 'allow' | 'unauthenticated' | 'forbidden';

/** Decides whether `principal` may perform `action`; scope checks (which block, which township) come after. */
export function authorize(principal: Principal, action: Action): Decision {
  const rule = PERMISSIONS[action];
  if (principal.anonymous) return rule.anonymous ? 'allow' : 'unauthenticated';
  return (rule.roles as readonly Role[]).includes(principal.role) ? 'allow' : 'forbidden';
}
