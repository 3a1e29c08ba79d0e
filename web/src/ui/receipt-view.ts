// A report's receipt: number, code, deadlines, live status and history, and rating once it is resolved.
import { INCIDENT_CLASS_INFO, incidentCategory } from '../../../core/incidents/categories';
import { ApiError } from '../api/http';
import { getIncidentStatus, rateIncident } from '../api/incidents';
import type { IncidentStatus } from '../api/schemas';
import { formatDateTime, label, type MessageKey, t } from '../i18n/i18n';
import { type StoredReceipt, updateReceiptStatus } from '../state/receipts';
import { h } from './dom';
import { errorBox, loadingLine } from './panel';

const statusText = (s: string) => t(`status.${s}` as MessageKey);
const eventText = (a: string) => t(`event.${a}` as MessageKey);

function row(term: string, value: string | Node): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, value)];
}

function ratingForm(r: StoredReceipt, onRated: () => void): HTMLElement {
  const status = h('p', { class: 'form-status', 'aria-live': 'polite' });
  const stars = h(
    'fieldset',
    { class: 'stars' },
    h('legend', {}, t('receipt.rate')),
    ...[1, 2, 3, 4, 5].map((n) =>
      h(
        'label',
        { class: 'star' },
        h('input', { type: 'radio', name: 'rating', value: n, required: true }),
        t('receipt.stars', { n }),
      ),
    ),
  );
  const form = h(
    'form',
    { class: 'rating' },
    stars,
    h('button', { type: 'submit', class: 'button primary' }, t('receipt.rateSubmit')),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = form.querySelector<HTMLInputElement>('input[name=rating]:checked');
    if (!chosen) return;
    try {
      await rateIncident(r.id, r.receipt, Number(chosen.value));
      status.textContent = t('receipt.rated');
      onRated();
    } catch (err) {
      status.textContent = t('receipt.unavailable', {
        message: err instanceof ApiError ? err.message : String(err),
      });
    }
  });
  return form;
}

function details(r: StoredReceipt, s: IncidentStatus, reload: () => void): HTMLElement[] {
  const category = incidentCategory(s.category);
  const list = h(
    'dl',
    { class: 'facts' },
    ...row(t('receipt.status'), h('strong', { 'data-testid': 'receipt-status' }, statusText(s.status))),
    ...row(t('report.category'), label(category)),
    ...row(t('receipt.block'), s.block.name),
    ...row(t('receipt.class'), label(INCIDENT_CLASS_INFO[s.class])),
    ...(s.sla
      ? [
          ...row(t('receipt.respondBy'), formatDateTime(s.sla.respond_by)),
          ...row(t('receipt.resolveBy'), formatDateTime(s.sla.resolve_by)),
        ]
      : []),
  );
  const events = h(
    'ol',
    { class: 'timeline' },
    ...s.events.map((e) =>
      h(
        'li',
        {},
        h('time', { datetime: e.at }, formatDateTime(e.at)),
        ' ',
        eventText(e.action),
        e.note ? ` — ${e.note}` : '',
      ),
    ),
  );
  return [
    list,
    h('section', { class: 'section' }, h('h3', {}, t('receipt.events')), events),
    s.status === 'resolved' ? ratingForm(r, reload) : null,
  ].filter((x): x is HTMLElement => x !== null);
}

/** The receipt card body; loads the current status into it. */
export function receiptBody(r: StoredReceipt, justSent: boolean): HTMLElement[] {
  const live = h('div', { class: 'receipt-live' }, loadingLine(t('receipt.loading')));
  const load = async () => {
    live.replaceChildren(loadingLine(t('receipt.loading')));
    try {
      const s = await getIncidentStatus(r.id, r.receipt);
      updateReceiptStatus(r.id, s.status);
      live.replaceChildren(...details(r, s, load));
    } catch (err) {
      const message =
        err instanceof ApiError ? (err.code === 'NETWORK' ? t('app.offline') : err.message) : String(err);
      // Offline or not yet available: what this device last saw of the report.
      live.replaceChildren(
        errorBox(t('receipt.unavailableTitle'), message, load),
        h('p', { class: 'muted small' }, `${r.block.name}（${r.community}）· ${statusText(r.status)}`),
      );
    }
  };
  void load();
  const out: (HTMLElement | null)[] = [
    justSent ? h('p', { class: 'success', role: 'status' }, t('receipt.saved')) : null,
    h(
      'dl',
      { class: 'facts', 'data-testid': 'receipt' },
      ...row(t('receipt.number'), h('code', {}, r.id)),
      ...row(t('receipt.code'), h('code', { class: 'receipt-code' }, r.receipt)),
    ),
    live,
  ];
  return out.filter((x): x is HTMLElement => x !== null);
}
