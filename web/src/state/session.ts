// The staff sign-in of this tab: the token in sessionStorage (gone when the tab closes) and its decoded claims.
export type StaffRole = 'cadre' | 'dispatcher' | 'department' | 'admin' | 'planner' | 'resident';

export interface Session {
  token: string;
  sub: string;
  role: StaffRole;
  name?: string;
  township?: string;
  department?: string;
  /** Expiry, ms since the epoch (from `exp`); null when the token has none. */
  expires: number | null;
}

const KEY = 'yuhu.session.v1';

/** Reads the claims of a JWT without verifying it (the API verifies every call); null if it is not a JWT. */
export function decodeToken(token: string): Session | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(
      parts[1]
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(parts[1].length / 4) * 4, '='),
    );
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    if (typeof claims.sub !== 'string' || typeof claims.role !== 'string') return null;
    return {
      token: token.trim(),
      sub: claims.sub,
      role: claims.role as StaffRole,
      name: typeof claims.name === 'string' ? claims.name : undefined,
      township: typeof claims.township === 'string' ? claims.township : undefined,
      department: typeof claims.department === 'string' ? claims.department : undefined,
      expires: typeof claims.exp === 'number' ? claims.exp * 1000 : null,
    };
  } catch {
    return null;
  }
}

/** The signed-in session of this tab, if its token has not expired. */
export function loadSession(): Session | null {
  try {
    const raw = window.sessionStorage.getItem(KEY);
    const session = raw ? decodeToken(raw) : null;
    if (session?.expires && session.expires < Date.now()) {
      clearSession();
      return null;
    }
    return session;
  } catch {
    return null;
  }
}

export function saveSession(token: string): Session | null {
  const session = decodeToken(token);
  if (!session) return null;
  try {
    window.sessionStorage.setItem(KEY, session.token);
  } catch {
    // Storage disabled: the session lasts until the page is reloaded.
  }
  return session;
}

export function clearSession(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}
