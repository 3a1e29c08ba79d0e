// Who is calling: roles, scopes and the claims a token carries.
import { z } from 'zod';

export const ROLES = ['resident', 'cadre', 'dispatcher', 'department', 'planner', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** zh-CN labels shown in the UI for each role. */
export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  cadre: '区块干部',
  dispatcher: '调度员',
  department: '区直部门',
  planner: '规划员',
  admin: '管理员',
};

/** The claims our tokens carry beyond the registered ones (iss, aud, exp, sub). */
export const tokenClaimsSchema = z.object({
  sub: z.string().min(1),
  role: roleSchema,
  name: z.string().optional(),
  /** Dispatchers and township staff: 9-digit township code; absent = the whole district. */
  township: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  /** Department users: the department key (e.g. `housing`). */
  department: z.string().optional(),
});
export type TokenClaims = z.infer<typeof tokenClaimsSchema>;

/** An authenticated caller, or the anonymous resident. */
export interface Principal {
  /** `anonymous` for callers without a token. */
  id: string;
  role: Role;
  name?: string;
  anonymous: boolean;
  township?: string;
  department?: string;
}

export const ANONYMOUS: Principal = Object.freeze({ id: 'anonymous', role: 'resident', anonymous: true });

/** Builds the principal from verified token claims. */
export function principalFromClaims(claims: TokenClaims): Principal {
  return {
    id: claims.sub,
    role: claims.role,
    name: claims.name,
    anonymous: false,
    township: claims.township,
    department: claims.department,
  };
}
