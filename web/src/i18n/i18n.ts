// The UI language (zh-CN default, English toggle): message lookup with {placeholders} and number formats.
import { en } from './en';
import { enReports } from './en-reports';
import { type MessageKey as BaseKey, zh } from './zh';
import type { zhPlanner } from './zh-planner';
import { zhReports } from './zh-reports';
import type { zhStaff } from './zh-staff';

export type Lang = 'zh' | 'en';
export type MessageKey = BaseKey | keyof typeof zhReports | keyof typeof zhStaff | keyof typeof zhPlanner;

const messages: Record<Lang, Partial<Record<MessageKey, string>>> = {
  zh: { ...zh, ...zhReports },
  en: { ...en, ...enReports },
};

/** Adds the strings of a part loaded on demand (the staff modes bring theirs). */
export function addMessages(more: Record<Lang, Partial<Record<MessageKey, string>>>): void {
  Object.assign(messages.zh, more.zh);
  Object.assign(messages.en, more.en);
}

let current: Lang = 'zh';

/** Sets the language of t() and of the document (lang attribute, title). */
export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = messages[lang]['app.title'] ?? '';
}

export function getLang(): Lang {
  return current;
}

/** The message for `key` in the current language, with {name} placeholders filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = messages[current][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) =>
    name in params ? String(params[name]) : `{${name}}`,
  );
}

/** Picks the zh or en label of a record that carries both (categories, classes). */
export function label(item: { zh: string; en: string }): string {
  return current === 'zh' ? item.zh : item.en;
}

/** A distance for people: "350 米" / "1.7 公里" (zh), "350 m" / "1.7 km" (en). */
export function formatDistance(metres: number): string {
  if (metres < 1000) return current === 'zh' ? `${Math.round(metres)} 米` : `${Math.round(metres)} m`;
  const km = (metres / 1000).toFixed(metres < 10_000 ? 1 : 0);
  return current === 'zh' ? `${km} 公里` : `${km} km`;
}

/** A date-time in the district's time zone (Asia/Shanghai), e.g. 2026-11-22 09:30. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const local = new Date(d.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** "3 天前" / "3 days ago" for a past ISO time. */
export function formatAgo(iso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - new Date(iso).getTime()) / 60_000));
  if (minutes < 1) return t('time.now');
  if (minutes < 60) return t('time.minutes', { n: minutes });
  if (minutes < 48 * 60) return t('time.hours', { n: Math.round(minutes / 60) });
  return t('time.days', { n: Math.round(minutes / 1440) });
}

/** A duration for people: "45 分钟" / "3 小时" / "2 天" (zh), "45 min" / "3 h" / "2 days" (en). */
export function formatDuration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return t('time.inMinutes', { n: m });
  if (m < 48 * 60) return t('time.inHours', { n: Math.round(m / 60) });
  return t('time.inDays', { n: Math.round(m / 1440) });
}

/** A count with thousands separators in the current language (12,345). */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(current === 'zh' ? 'zh-CN' : 'en').format(n);
}
