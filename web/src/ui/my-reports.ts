// "My reports": the receipts stored on this device, each reopening its receipt to follow and rate it.
import { incidentCategory } from '../../../core/incidents/categories';
import { formatDateTime, label, type MessageKey, t } from '../i18n/i18n';
import { listReceipts, removeReceipt } from '../state/receipts';
import { h } from './dom';

/** The list body; `onOpen` shows one receipt, `onChange` re-renders after a removal. */
export function myReportsBody(onOpen: (id: string) => void, onChange: () => void): HTMLElement[] {
  const receipts = listReceipts();
  if (!receipts.length)
    return [h('p', { class: 'empty', 'data-testid': 'reports-empty' }, t('reports.empty'))];
  return [
    h(
      'ul',
      { class: 'report-list', 'data-testid': 'reports' },
      ...receipts.map((r) => {
        let category = r.category;
        try {
          category = label(incidentCategory(r.category));
        } catch {
          // An unknown category from an older version: show its key.
        }
        return h(
          'li',
          { class: 'report-item' },
          h(
            'p',
            { class: 'name' },
            category,
            ' · ',
            h('span', { class: 'status' }, t(`status.${r.status}` as MessageKey)),
          ),
          h('p', { class: 'meta' }, `${r.block.name} · ${formatDateTime(r.reported_at)}`),
          h(
            'div',
            { class: 'row' },
            h(
              'button',
              { type: 'button', class: 'button secondary', onclick: () => onOpen(r.id) },
              t('reports.open'),
            ),
            h(
              'button',
              {
                type: 'button',
                class: 'link-button',
                onclick: () => {
                  removeReceipt(r.id);
                  onChange();
                },
              },
              t('reports.remove'),
            ),
          ),
        );
      }),
    ),
  ];
}
