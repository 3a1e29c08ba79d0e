// Open311 services: our incident categories as GeoReport v2 service types (service_code = category key).
import {
  INCIDENT_CATEGORIES,
  INCIDENT_CLASS_INFO,
  type IncidentCategory,
  type IncidentCategoryInfo,
  type IncidentClass,
} from '../../../core/incidents/categories.js';
import type { Sla } from '../../../core/incidents/sla.js';

/** Synonyms residents type when looking for a category (the spec's `keywords`). */
const KEYWORDS: Readonly<Record<IncidentCategory, readonly string[]>> = {
  sanitation: ['垃圾', '保洁', '卫生', 'garbage', 'litter'],
  municipal_facilities: ['路灯', '井盖', '设施损坏', 'street light', 'manhole'],
  roads_traffic: ['道路', '坑洼', '交通', 'pothole', 'traffic'],
  flooding: ['积水', '内涝', '排水', 'waterlogging', 'drainage'],
  disputes: ['纠纷', '邻里', '调解', 'dispute', 'mediation'],
  public_safety: ['治安', '安全隐患', 'hazard', 'safety'],
  noise: ['噪音', '扰民', 'noise'],
  illegal_construction: ['违建', '违章搭建', 'illegal building'],
  welfare_help: ['求助', '困难', '救助', 'welfare', 'assistance'],
  other: ['其他', 'other'],
};

/** The spec's `group`: a few headings to group the categories under in a client's menu. */
const GROUP: Readonly<Record<IncidentCategory, string>> = {
  sanitation: '城市管理',
  municipal_facilities: '城市管理',
  roads_traffic: '城市管理',
  flooding: '城市管理',
  illegal_construction: '城市管理',
  disputes: '社会治理',
  public_safety: '社会治理',
  noise: '社会治理',
  welfare_help: '民生服务',
  other: '其他',
};

/** One GeoReport v2 service (GET services): every field of the spec's list. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: false;
  type: 'realtime';
  keywords: string;
  group: string;
}

function serviceOf(c: IncidentCategoryInfo): Open311Service {
  return {
    service_code: c.key,
    service_name: c.zh,
    description: c.en,
    // No extra form fields: a report needs only the point and a description.
    metadata: false,
    // POST returns the service_request_id at once (and a token: our receipt).
    type: 'realtime',
    keywords: [...new Set([c.zh, ...KEYWORDS[c.key]])].join(', '),
    group: GROUP[c.key],
  };
}

/** All services, in the order residents see the categories. */
export const OPEN311_SERVICES: readonly Open311Service[] = INCIDENT_CATEGORIES.map(serviceOf);

/** The service with this code, or undefined. */
export function findService(code: string): Open311Service | undefined {
  return OPEN311_SERVICES.find((s) => s.service_code === code);
}

/** GET services/:code — our services have no attributes (metadata is false), so the list is empty. */
export function serviceDefinition(code: string) {
  return { service_code: code, attributes: [] as never[] };
}

/** The spec's `service_notice`: who acts on a report of this class, and the configured deadlines. */
export function serviceNotice(cls: IncidentClass, sla: Sla): string {
  const info = INCIDENT_CLASS_INFO[cls];
  return (
    `${info.zh}：${sla.respondHours} 小时内受理，${sla.resolveHours} 小时内办结。` +
    ` ${info.en}: accepted within ${sla.respondHours} h, resolved within ${sla.resolveHours} h.`
  );
}
