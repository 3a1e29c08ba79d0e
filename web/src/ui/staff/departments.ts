// District departments' display names (data/geojson/departments.json; the API has no list route yet).
import { DEPARTMENT_KEYS, type DepartmentKey } from '../../../../core/geography/schemas';
import { getLang } from '../../i18n/i18n';

const NAMES: Record<DepartmentKey, [string, string]> = {
  housing: ['住建局', 'Housing and Urban-Rural Development Bureau'],
  water: ['水利局', 'Water Resources Bureau'],
  urban_management: ['城管局', 'Urban Management and Law Enforcement Bureau'],
  market_regulation: ['市场监管局', 'Market Regulation Bureau'],
  police: ['公安分局', 'Yuhu Public Security Sub-bureau'],
  civil_affairs: ['民政局', 'Civil Affairs Bureau'],
  health: ['卫健局', 'Health Commission'],
  emergency: ['应急管理局', 'Emergency Management Bureau'],
  transport: ['交通运输局', 'Transport Bureau'],
  justice: ['司法局', 'Justice Bureau'],
  ecology: ['生态环境分局', 'Yuhu Ecology and Environment Sub-bureau'],
  natural_resources: ['自然资源分局', 'Yuhu Natural Resources and Planning Sub-bureau'],
};

export const DEPARTMENTS: readonly DepartmentKey[] = DEPARTMENT_KEYS;

export const isDepartment = (key: string | undefined | null): key is DepartmentKey =>
  Boolean(key && (DEPARTMENT_KEYS as readonly string[]).includes(key));

/** "城管局" / "Urban Management …"; unknown keys as they are. */
export function departmentName(key: string): string {
  const names = NAMES[key as DepartmentKey];
  return names ? names[getLang() === 'zh' ? 0 : 1] : key;
}

/** `department:water` / `township:430302006` / `response_centre` as a person reads it. */
export function recipientName(target: string, townshipName: (code: string) => string | undefined): string {
  const [kind, key] = target.split(':');
  if (kind === 'department' && key) return departmentName(key);
  if (kind === 'township' && key) return townshipName(key) ?? key;
  if (target === 'response_centre') return getLang() === 'zh' ? '快速处置中心' : 'Rapid-response centre';
  if (target === 'emergency' || target === 'leadership') return getLang() === 'zh' ? '应急处置' : 'Emergency';
  return target;
}
