// The staff modes, loaded on demand (a separate chunk): residents never download them.
import { enPlanner } from '../../i18n/en-planner';
import { enStaff } from '../../i18n/en-staff';
import { addMessages } from '../../i18n/i18n';
import { zhPlanner } from '../../i18n/zh-planner';
import { zhStaff } from '../../i18n/zh-staff';
import { mountDispatcherMode } from './dispatcher-mode';
import { mountPlannerMode } from './planner-mode';
import { staffMount } from './staff-session';
import { workQueueMount } from './work-queue-mode';

addMessages({ zh: { ...zhStaff, ...zhPlanner }, en: { ...enStaff, ...enPlanner } });

export const dispatcherMount = staffMount({
  mode: 'dispatcher',
  roles: ['dispatcher', 'admin'],
  mount: mountDispatcherMode,
});

export const cadreMount = staffMount({ mode: 'cadre', roles: ['cadre'], mount: workQueueMount('cadre') });

/** Department staff see their own queue; district dispatchers and admins may open any department's. */
export const departmentMount = staffMount({
  mode: 'department',
  roles: ['department', 'dispatcher', 'admin'],
  mount: workQueueMount('department'),
});

/** Planners (and admins) edit block boundaries in drafts and publish them. */
export const plannerMount = staffMount({
  mode: 'planner',
  roles: ['planner', 'admin'],
  notifications: false,
  mount: mountPlannerMode,
});
