// The staff card of one incident: class, status and deadline, where and what, the reporter's contact (when the
// role may see it), photos, the allowed actions and the full history.
import type { IncidentEvent, IncidentView } from '../../api/schemas';
import { formatDateTime, type MessageKey, t } from '../../i18n/i18n';
import { h, telHref } from '../dom';
import { categoryText, classBadge, statusText, timingText } from './incident-format';
import { photoStrip } from './photo-strip';

const row = (term: string, value: string | Node) => [h('dt', {}, term), h('dd', {}, value)];

export interface IncidentCardParts {
  incident: IncidentView;
  events: IncidentEvent[];
  actions: HTMLElement;
  recipient: (target: string) => string;
  onShowOnMap?: () => void;
}

function contactOf(i: IncidentView): Node {
  const c = i.contact;
  if (!c || (!c.name && !c.phone)) return document.createTextNode(t('incident.noContact'));
  return h(
    'span',
    { 'data-testid': 'contact' },
    c.name ?? '',
    c.name && c.phone ? ' · ' : '',
    c.phone
      ? c.phone.includes('*')
        ? h('span', {}, c.phone)
        : h('a', { class: 'tel-link', href: telHref(c.phone) }, c.phone)
      : '',
  );
}

/** The card body. */
export function incidentCardBody(p: IncidentCardParts): HTMLElement[] {
  const i = p.incident;
  const timing = timingText(i);
  const head = h(
    'p',
    { class: 'incident-head' },
    classBadge(i.class),
    h(
      'span',
      { class: `status-pill status-${i.status}`, 'data-testid': 'incident-status' },
      statusText(i.status),
    ),
    h('span', { class: timing.late ? 'late' : 'muted' }, timing.text),
  );
  const facts = h(
    'dl',
    { class: 'facts' },
    ...row(t('incident.block'), i.block.name),
    ...row(t('incident.reported'), formatDateTime(i.reported_at)),
    ...row(t('incident.respondBy'), formatDateTime(i.sla.respond_by)),
    ...row(t('incident.resolveBy'), formatDateTime(i.sla.resolve_by)),
    ...(i.assignee ? row(t('incident.assignee'), i.assignee) : []),
    ...(i.escalated_to ? row(t('incident.escalatedTo'), p.recipient(i.escalated_to)) : []),
    ...(i.contact !== undefined ? row(t('incident.contact'), contactOf(i)) : []),
  );
  const events = h(
    'ol',
    { class: 'timeline', 'data-testid': 'events' },
    ...p.events.map((e) =>
      h(
        'li',
        {},
        h('time', { datetime: e.at }, formatDateTime(e.at)),
        ' ',
        h('strong', {}, t(`event.${e.action}` as MessageKey)),
        e.role ? h('span', { class: 'meta' }, ` · ${t(`role.${e.role}` as MessageKey)}`) : '',
        e.class_to ? ` · ${e.class_from ?? ''}→${e.class_to}` : '',
        e.public === false ? h('span', { class: 'tag' }, t('incident.internal')) : '',
        e.note ? h('span', { class: 'event-note' }, e.note) : '',
      ),
    ),
  );
  return [
    head,
    i.description
      ? h('p', { class: 'quote', 'data-testid': 'incident-description' }, i.description)
      : h('p', { class: 'muted small' }, t('incident.hidden')),
    facts,
    photoStrip(i.photos ?? []),
    p.actions,
    h('section', { class: 'section' }, h('h3', {}, t('incident.events')), events),
    p.onShowOnMap && i.point
      ? h(
          'button',
          { type: 'button', class: 'button secondary', onclick: p.onShowOnMap },
          t('incident.showOnMap'),
        )
      : null,
  ].filter((x): x is HTMLElement => x !== null);
}

export { categoryText };
