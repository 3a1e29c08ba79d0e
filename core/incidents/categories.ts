// Incident categories and A/B/C/D classes as pure data: keys, zh/en labels, default class, class-C department.
import type { DepartmentKey } from '../geography/schemas';

export const INCIDENT_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type IncidentClass = (typeof INCIDENT_CLASSES)[number];

export interface IncidentClassInfo {
  readonly key: IncidentClass;
  readonly zh: string;
  readonly en: string;
  /** Default SLA: minutes to accept (respond) and to resolve, counted from the report. */
  readonly respondMinutes: number;
  readonly resolveMinutes: number;
}

/** A: the block acts; B: the township; C: a district department via the rapid-response centre; D: emergency. */
export const INCIDENT_CLASS_INFO: Readonly<Record<IncidentClass, IncidentClassInfo>> = {
  A: {
    key: 'A',
    zh: 'A类·区块自办',
    en: 'Class A: handled in the block',
    respondMinutes: 120,
    resolveMinutes: 24 * 60,
  },
  B: {
    key: 'B',
    zh: 'B类·乡镇街道协办',
    en: 'Class B: handled by the township',
    respondMinutes: 240,
    resolveMinutes: 3 * 24 * 60,
  },
  C: {
    key: 'C',
    zh: 'C类·区直部门联办',
    en: 'Class C: district department via the rapid-response centre',
    respondMinutes: 240,
    resolveMinutes: 7 * 24 * 60,
  },
  D: { key: 'D', zh: 'D类·应急处置', en: 'Class D: emergency', respondMinutes: 30, resolveMinutes: 24 * 60 },
};

export const INCIDENT_CATEGORY_KEYS = [
  'sanitation',
  'municipal_facilities',
  'roads_traffic',
  'flooding',
  'disputes',
  'public_safety',
  'noise',
  'illegal_construction',
  'welfare_help',
  'other',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORY_KEYS)[number];

export interface IncidentCategoryInfo {
  readonly key: IncidentCategory;
  readonly zh: string;
  readonly en: string;
  /** Class a new report of this category starts in; dispatchers may raise it. */
  readonly defaultClass: IncidentClass;
  /** District department that takes it when it is (or becomes) class C. */
  readonly department: DepartmentKey;
}

/** The categories residents and cadres choose from, in display order. */
export const INCIDENT_CATEGORIES: readonly IncidentCategoryInfo[] = [
  { key: 'sanitation', zh: '环境卫生', en: 'Sanitation', defaultClass: 'A', department: 'urban_management' },
  {
    key: 'municipal_facilities',
    zh: '市政设施',
    en: 'Municipal facilities',
    defaultClass: 'B',
    department: 'housing',
  },
  {
    key: 'roads_traffic',
    zh: '道路交通',
    en: 'Roads and traffic',
    defaultClass: 'B',
    department: 'transport',
  },
  {
    key: 'flooding',
    zh: '内涝积水',
    en: 'Flooding and waterlogging',
    defaultClass: 'B',
    department: 'water',
  },
  { key: 'disputes', zh: '矛盾纠纷', en: 'Neighbourhood disputes', defaultClass: 'A', department: 'justice' },
  {
    key: 'public_safety',
    zh: '治安隐患',
    en: 'Public-safety hazards',
    defaultClass: 'B',
    department: 'police',
  },
  { key: 'noise', zh: '噪音扰民', en: 'Noise nuisance', defaultClass: 'A', department: 'ecology' },
  {
    key: 'illegal_construction',
    zh: '违章搭建',
    en: 'Illegal construction',
    defaultClass: 'C',
    department: 'urban_management',
  },
  {
    key: 'welfare_help',
    zh: '民生求助',
    en: 'Welfare requests',
    defaultClass: 'A',
    department: 'civil_affairs',
  },
  { key: 'other', zh: '其他', en: 'Other', defaultClass: 'A', department: 'urban_management' },
];

/** Category info by key; throws with the list of valid keys when the key is unknown. */
export function incidentCategory(key: string): IncidentCategoryInfo {
  const found = INCIDENT_CATEGORIES.find((c) => c.key === key);
  if (!found)
    throw new Error(`unknown incident category "${key}"; use one of ${INCIDENT_CATEGORY_KEYS.join(', ')}`);
  return found;
}
