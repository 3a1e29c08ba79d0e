// Which notifications a signed-in staff member sees: their own, their department's or township's, or all.
import type { Principal } from '../auth/principal.js';

export type RecipientFilter = { all: true } | { all: false; recipients: string[] };

const ALL: RecipientFilter = { all: true };

/**
 * Admins and district-wide dispatchers see every notification (including `leadership` and
 * `response_centre`); a township dispatcher sees `township:<code>`; department staff `department:<key>`;
 * a cadre what is addressed to their id. Everyone also sees what names them personally.
 */
export function notificationAudience(principal: Principal): RecipientFilter {
  if (principal.anonymous) return { all: false, recipients: [] };
  switch (principal.role) {
    case 'admin':
      return ALL;
    case 'dispatcher':
      return principal.township
        ? { all: false, recipients: [`township:${principal.township}`, principal.id] }
        : ALL;
    case 'department':
      return {
        all: false,
        recipients: principal.department
          ? [`department:${principal.department}`, principal.id]
          : [principal.id],
      };
    case 'cadre':
      return { all: false, recipients: [principal.id] };
    default:
      return { all: false, recipients: [] };
  }
}

/** Whether `recipient` passes `filter`. */
export const matchesAudience = (filter: RecipientFilter, recipient: string) =>
  filter.all || filter.recipients.includes(recipient);
