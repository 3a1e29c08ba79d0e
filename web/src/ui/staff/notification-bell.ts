// The header's notification bell: unread count, and a list of recent notifications that open their incident.
import type { FeedState } from '../../api/notification-stream';
import type { Notification } from '../../api/staff-schemas';
import { formatAgo, type MessageKey, t } from '../../i18n/i18n';
import { h } from '../dom';

export interface Bell {
  element: HTMLElement;
  /** History at start (newest first): listed, not counted as unread. */
  setHistory(list: Notification[]): void;
  /** A new notification: listed first and counted as unread. */
  add(n: Notification): void;
  setState(state: FeedState): void;
}

export function createBell(onOpen: (incidentId: string) => void): Bell {
  let items: Notification[] = [];
  let unread = 0;
  let state: FeedState = 'connecting';
  const count = h('span', { class: 'bell-count', 'data-testid': 'bell-count', hidden: true });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'button ghost bell',
      'aria-expanded': 'false',
      'aria-controls': 'bell-panel',
      'data-testid': 'bell',
    },
    h('span', { class: 'bell-label' }),
    count,
  );
  const list = h('ul', { class: 'bell-list', 'data-testid': 'notifications' });
  const panel = h('div', { id: 'bell-panel', class: 'bell-panel', hidden: true }, list);
  const element = h('div', { class: 'bell-wrap' }, button, panel);

  const render = () => {
    button.querySelector('.bell-label')!.textContent =
      `${t('notify.title')}${state === 'live' ? ' ●' : state === 'polling' ? ' ○' : ''}`;
    button.title = state === 'live' ? t('notify.live') : state === 'polling' ? t('notify.polling') : '';
    count.hidden = unread === 0;
    count.textContent = String(unread);
    button.setAttribute('aria-label', `${t('notify.title')}${unread ? ` (${unread})` : ''}`);
    list.replaceChildren(
      ...(items.length
        ? items.slice(0, 30).map((n) =>
            h(
              'li',
              { class: 'bell-item' },
              h('span', { class: `bell-kind kind-${n.kind}` }, t(`notify.kind.${n.kind}` as MessageKey)),
              // The server's message is in English: the list names the incident; the message is the tooltip.
              h(
                'span',
                { class: 'bell-message', title: n.message },
                t('notify.incident', { id: n.incident_id }),
              ),
              h('span', { class: 'meta' }, formatAgo(n.created_at)),
              h(
                'button',
                {
                  type: 'button',
                  class: 'link-button',
                  onclick: () => {
                    close();
                    onOpen(n.incident_id);
                  },
                },
                t('notify.open'),
              ),
            ),
          )
        : [h('li', { class: 'empty' }, t('notify.none'))]),
    );
  };
  const close = () => {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
  };
  button.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    button.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) unread = 0;
    render();
  });
  element.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  render();
  return {
    element,
    setHistory(list) {
      items = [...list];
      render();
    },
    add(n) {
      items = [n, ...items.filter((x) => x.id !== n.id)];
      unread++;
      render();
    },
    setState(s) {
      state = s;
      render();
    },
  };
}
