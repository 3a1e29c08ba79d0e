// "My reports": the receipts stored on this device, each reopening its receipt to follow and rate it.
import { incidentCategory } from '../../../core/incidents/categories';
import { ApiError } from '../api/http';
import { getIncident } from '../api/incidents';
import { formatDateTime, label, type MessageKey, t } from '../i18n/i18n';
import { listReceipts, removeReceipt, saveReceipt } from '../state/receipts';
import { h } from './dom';

/** "Follow a report by receipt": a report made on another device, found by its number and receipt code. */
function followForm(onOpen: (id: string) => void): HTMLElement {
  const id = h('input', { id: 'follow-id', type: 'text', autocomplete: 'off', maxlength: 40 });
  const code = h('input', { id: 'follow-code', type: 'text', autocomplete: 'off', maxlength: 64 });
  const status = h('p', { class: 'form-status', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'report-form' },
    h('p', { class: 'hint' }, t('receipt.openHint')),
    h('div', { class: 'field' }, h('label', { for: 'follow-id' }, t('receipt.openId')), id),
    h('div', { class: 'field' }, h('label', { for: 'follow-code' }, t('receipt.openCode')), code),
    h('button', { type: 'submit', class: 'button secondary' }, t('receipt.openSubmit')),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const number = id.value.trim();
    const receipt = code.value.trim();
    if (!number || receipt.length < 16) return;
    try {
      const { incident } = await getIncident(number, receipt);
      saveReceipt({
        id: incident.id,
        receipt,
        category: incident.category,
        block: incident.block,
        community: '',
        reported_at: incident.reported_at,
        status: incident.status,
      });
      onOpen(incident.id);
    } catch (err) {
      status.textContent = t('receipt.unavailable', {
        message: err instanceof ApiError ? err.message : String(err),
      });
    }
  });
  return h('details', { class: 'follow' }, h('summary', {}, t('receipt.open')), form);
}

/** The list body; `onOpen` shows one receipt, `onChange` re-renders after a removal. */
export function myReportsBody(onOpen: (id: string) => void, onChange: () => void): HTMLElement[] {
  const receipts = listReceipts();
  if (!receipts.length)
    return [
      h('p', { class: 'empty', 'data-testid': 'reports-empty' }, t('reports.empty')),
      followForm(onOpen),
    ];
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
    followForm(onOpen),
  ];
}
