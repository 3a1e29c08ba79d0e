// A report's receipt: number, code, deadlines, live status and public history, and — once resolved — the 1–5
// rating (or a request to reopen), sent with If-Match = the version just read (retried once after a 412).
import { INCIDENT_CLASS_INFO, incidentCategory } from '../../../core/incidents/categories';
import { ApiError } from '../api/http';
import {
  getIncident,
  getIncidentEvents,
  type LoadedIncident,
  type TransitionBody,
  transitionWithRetry,
} from '../api/incidents';
import type { IncidentEvent } from '../api/schemas';
import { formatDateTime, label, type MessageKey, t } from '../i18n/i18n';
import { type StoredReceipt, updateReceiptStatus } from '../state/receipts';
import { h } from './dom';
import { errorBox, loadingLine } from './panel';
import { photoStrip } from './staff/photo-strip';

const statusText = (s: string) => t(`status.${s}` as MessageKey);
const eventText = (a: string) => t(`event.${a}` as MessageKey);

function row(term: string, value: string | Node): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, value)];
}

/** Sends the resident's action (rate or reopen) with the receipt; reports how it went in `status`. */
async function act(
  loaded: LoadedIncident,
  r: StoredReceipt,
  body: TransitionBody,
  status: HTMLElement,
  onDone: () => void,
): Promise<void> {
  try {
    await transitionWithRetry(loaded, { ...body, receipt: r.receipt }, r.receipt);
    status.textContent = body.action === 'rate' ? t('receipt.rated') : t('receipt.reopened');
    onDone();
  } catch (err) {
    status.textContent = t('receipt.unavailable', {
      message: err instanceof ApiError ? err.message : String(err),
    });
  }
}

function ratingForm(loaded: LoadedIncident, r: StoredReceipt, onDone: () => void): HTMLElement {
  const status = h('p', { class: 'form-status', 'aria-live': 'polite', 'data-testid': 'rating-status' });
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
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('receipt.rateSubmit'));
  const form = h('form', { class: 'rating', 'data-testid': 'rating-form' }, stars, submit, status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = form.querySelector<HTMLInputElement>('input[name=rating]:checked');
    if (!chosen) return;
    submit.disabled = true;
    await act(loaded, r, { action: 'rate', rating: Number(chosen.value) }, status, onDone);
    submit.disabled = false;
  });
  return form;
}

function reopenForm(loaded: LoadedIncident, r: StoredReceipt, onDone: () => void): HTMLElement {
  const status = h('p', { class: 'form-status', 'aria-live': 'polite' });
  const note = h('textarea', { id: 'reopen-note', rows: 2, maxlength: 1000, required: true });
  const form = h(
    'details',
    { class: 'reopen' },
    h('summary', {}, t('receipt.reopen')),
    h(
      'form',
      { class: 'report-form' },
      h('div', { class: 'field' }, h('label', { for: 'reopen-note' }, t('receipt.reopenNote')), note),
      h('button', { type: 'submit', class: 'button secondary' }, t('receipt.reopenSubmit')),
      status,
    ),
  );
  form.querySelector('form')!.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (note.value.trim().length < 2) return note.focus();
    await act(loaded, r, { action: 'reopen', note: note.value.trim() }, status, onDone);
  });
  return form;
}

function details(r: StoredReceipt, loaded: LoadedIncident, events: IncidentEvent[], reload: () => void) {
  const s = loaded.incident;
  const list = h(
    'dl',
    { class: 'facts' },
    ...row(t('receipt.status'), h('strong', { 'data-testid': 'receipt-status' }, statusText(s.status))),
    ...row(t('report.category'), label(incidentCategory(s.category))),
    ...row(t('receipt.block'), s.block.name),
    ...row(t('receipt.class'), label(INCIDENT_CLASS_INFO[s.class])),
    ...row(t('receipt.respondBy'), formatDateTime(s.sla.respond_by)),
    ...row(t('receipt.resolveBy'), formatDateTime(s.sla.resolve_by)),
    ...(s.rating ? row(t('receipt.rating'), t('receipt.stars', { n: s.rating })) : []),
  );
  const timeline = h(
    'ol',
    { class: 'timeline', 'data-testid': 'receipt-events' },
    ...events.map((e) =>
      h(
        'li',
        {},
        h('time', { datetime: e.at }, formatDateTime(e.at)),
        ' ',
        eventText(e.action),
        e.rating ? ` · ${t('receipt.stars', { n: e.rating })}` : '',
        e.note ? ` — ${e.note}` : '',
      ),
    ),
  );
  const allowed = s.allowed_actions ?? [];
  return [
    list,
    s.description ? h('p', { class: 'quote' }, s.description) : null,
    photoStrip(s.photos ?? []),
    h('section', { class: 'section' }, h('h3', {}, t('receipt.events')), timeline),
    allowed.includes('rate') ? ratingForm(loaded, r, reload) : null,
    allowed.includes('reopen') ? reopenForm(loaded, r, reload) : null,
  ].filter((x): x is HTMLElement => x !== null);
}

/** The receipt card body; loads the current status and history into it. */
export function receiptBody(r: StoredReceipt, justSent: boolean): HTMLElement[] {
  const live = h('div', { class: 'receipt-live' }, loadingLine(t('receipt.loading')));
  const load = async () => {
    live.setAttribute('aria-busy', 'true');
    try {
      const [loaded, { events }] = await Promise.all([
        getIncident(r.id, r.receipt),
        getIncidentEvents(r.id, r.receipt),
      ]);
      updateReceiptStatus(r.id, loaded.incident.status);
      live.replaceChildren(...details(r, loaded, events, load));
    } catch (err) {
      const message =
        err instanceof ApiError ? (err.code === 'NETWORK' ? t('app.offline') : err.message) : String(err);
      // Offline or not available: what this device last saw of the report.
      live.replaceChildren(
        errorBox(t('receipt.unavailableTitle'), message, load),
        h(
          'p',
          { class: 'muted small' },
          `${r.block.name}${r.community ? `（${r.community}）` : ''} · ${statusText(r.status)}`,
        ),
      );
    } finally {
      live.removeAttribute('aria-busy');
    }
  };
  void load();
  const out: (HTMLElement | null)[] = [
    justSent ? h('p', { class: 'success', role: 'status' }, t('receipt.saved')) : null,
    h(
      'dl',
      { class: 'facts', 'data-testid': 'receipt' },
      ...row(t('receipt.number'), h('code', { 'data-testid': 'receipt-id' }, r.id)),
      ...row(t('receipt.code'), h('code', { class: 'receipt-code' }, r.receipt)),
    ),
    live,
  ];
  return out.filter((x): x is HTMLElement => x !== null);
}
