// The staff modes, loaded on demand (a separate chunk): residents never download them.
import { enStaff } from '../../i18n/en-staff';
import { addMessages } from '../../i18n/i18n';
import { zhStaff } from '../../i18n/zh-staff';
import { mountDispatcherMode } from './dispatcher-mode';
import { staffMount } from './staff-session';
import { workQueueMount } from './work-queue-mode';

addMessages({ zh: zhStaff, en: enStaff });

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
