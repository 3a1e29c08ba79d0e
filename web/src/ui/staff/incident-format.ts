// How an incident reads in lists and cards: its deadline and lateness, class badge, category and status text.
import { INCIDENT_CLASS_INFO, incidentCategory } from '../../../../core/incidents/categories';
import { lateness } from '../../api/incident-time';
import type { IncidentView } from '../../api/schemas';
import { formatAgo, formatDuration, label, type MessageKey, t } from '../../i18n/i18n';
import { CLASS_COLORS } from '../../map/palette';
import { h } from '../dom';

export const categoryText = (key: string) => {
  try {
    return label(incidentCategory(key));
  } catch {
    return key;
  }
};
export const statusText = (s: string) => t(`status.${s}` as MessageKey);
export const actionText = (a: string) => t(`act.${a}` as MessageKey);

/** A class badge: the letter on its colour, with the class name for screen readers and on hover. */
export function classBadge(cls: 'A' | 'B' | 'C' | 'D'): HTMLElement {
  const c = CLASS_COLORS[cls];
  const name = label(INCIDENT_CLASS_INFO[cls]);
  return h(
    'span',
    { class: 'class-badge', style: `background:${c.fill};color:${c.text}`, title: name, 'aria-label': name },
    cls,
  );
}

/** "超时 3 小时" / "2 小时后到期" / "3 天前上报". */
export function timingText(i: IncidentView): { text: string; late: boolean } {
  const late = lateness(i);
  if (late !== null && late > 0)
    return { text: t('queue.overdueBy', { time: formatDuration(late) }), late: true };
  if (late !== null) return { text: t('queue.dueIn', { time: formatDuration(-late) }), late: false };
  return { text: t('queue.reported', { when: formatAgo(i.reported_at) }), late: false };
}
