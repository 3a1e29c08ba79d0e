// District departments that take escalated (class C) work, with the incident categories each handles.
import type { Department } from '../../core/geography/schemas';

type Entry = Omit<Department, 'duty_phone' | 'synthetic_phone'>;

const ENTRIES: Entry[] = [
  {
    key: 'housing',
    name: '雨湖区住房和城乡建设局',
    short_name: '住建局',
    name_en: 'Housing and Urban-Rural Development Bureau',
    categories: ['municipal_facilities', 'illegal_construction'],
  },
  {
    key: 'water',
    name: '雨湖区水利局',
    short_name: '水利局',
    name_en: 'Water Resources Bureau',
    categories: ['flooding'],
  },
  {
    key: 'urban_management',
    name: '雨湖区城市管理和综合执法局',
    short_name: '城管局',
    name_en: 'Urban Management and Law Enforcement Bureau',
    categories: ['sanitation', 'illegal_construction', 'municipal_facilities', 'other'],
  },
  {
    key: 'market_regulation',
    name: '雨湖区市场监督管理局',
    short_name: '市场监管局',
    name_en: 'Market Regulation Bureau',
    categories: ['sanitation', 'other'],
  },
  {
    key: 'police',
    name: '湘潭市公安局雨湖分局',
    short_name: '公安分局',
    name_en: 'Yuhu Public Security Sub-bureau',
    categories: ['public_safety', 'disputes', 'roads_traffic', 'noise'],
  },
  {
    key: 'civil_affairs',
    name: '雨湖区民政局',
    short_name: '民政局',
    name_en: 'Civil Affairs Bureau',
    categories: ['welfare_help'],
  },
  {
    key: 'health',
    name: '雨湖区卫生健康局',
    short_name: '卫健局',
    name_en: 'Health Commission',
    categories: ['welfare_help', 'sanitation'],
  },
  {
    key: 'emergency',
    name: '雨湖区应急管理局',
    short_name: '应急管理局',
    name_en: 'Emergency Management Bureau',
    categories: ['flooding', 'public_safety'],
  },
  {
    key: 'transport',
    name: '雨湖区交通运输局',
    short_name: '交通运输局',
    name_en: 'Transport Bureau',
    categories: ['roads_traffic'],
  },
  {
    key: 'justice',
    name: '雨湖区司法局',
    short_name: '司法局',
    name_en: 'Justice Bureau',
    categories: ['disputes'],
  },
  {
    key: 'ecology',
    name: '湘潭市生态环境局雨湖分局',
    short_name: '生态环境分局',
    name_en: 'Yuhu Ecology and Environment Sub-bureau',
    categories: ['noise', 'sanitation'],
  },
  {
    key: 'natural_resources',
    name: '湘潭市自然资源和规划局雨湖分局',
    short_name: '自然资源分局',
    name_en: 'Yuhu Natural Resources and Planning Sub-bureau',
    categories: ['illegal_construction'],
  },
];

/** The departments with synthetic duty numbers (0731-0000-90xx: a local number never starts with 0). */
export function buildDepartments(): Department[] {
  return ENTRIES.map((e, i) => ({ ...e, duty_phone: `0731-0000-${9001 + i}`, synthetic_phone: true }));
}
