// The report form: category, description, urgency, optional photo and contact; the duplicate hint; idempotent send.
import { INCIDENT_CATEGORIES, type IncidentCategory } from '../../../core/incidents/categories';
import { createIncidentSchema, MAX_DESCRIPTION } from '../../../core/incidents/incident';
import { ApiError } from '../api/http';
import { createIncident, newIdempotencyKey } from '../api/incidents';
import type { BlockDetail, CreatedIncident } from '../api/schemas';
import { label, t } from '../i18n/i18n';
import type { LonLat } from '../map/display-crs';
import { h } from './dom';
import { checkNearby } from './duplicate-hint';
import { photoField } from './photo-field';
import { type ReportDraft, reportBody } from './report-draft';

export interface ReportFormOptions {
  draft: ReportDraft;
  pin: LonLat;
  detail: BlockDetail;
  onSubmitted: (created: CreatedIncident, draft: ReportDraft) => void;
}

function field(id: string, text: string, control: HTMLElement, hint?: string): HTMLElement {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, text),
    control,
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
  );
}

/** The form's elements; the caller puts them in a card. */
export function reportFormBody(o: ReportFormOptions): HTMLElement[] {
  const { draft } = o;
  const hint = h('div', { class: 'duplicate', 'aria-live': 'polite' });
  const status = h('div', { class: 'form-status', 'aria-live': 'assertive' });
  const category = h(
    'select',
    { id: 'report-category', name: 'category' },
    ...INCIDENT_CATEGORIES.map((c) =>
      h('option', { value: c.key, selected: c.key === draft.category }, label(c)),
    ),
  );
  category.addEventListener('change', () => {
    draft.category = category.value as IncidentCategory;
    void checkNearby(hint, o.pin, draft.category);
  });
  const description = h('textarea', {
    id: 'report-description',
    name: 'description',
    rows: 4,
    maxlength: MAX_DESCRIPTION,
    required: true,
    'aria-describedby': 'report-description-hint',
  });
  description.value = draft.description;
  description.addEventListener('input', () => {
    draft.description = description.value;
  });
  const severity = h(
    'fieldset',
    { class: 'field severity' },
    h('legend', {}, t('report.severity')),
    ...([1, 2, 3] as const).map((n) =>
      h(
        'label',
        { class: 'radio' },
        h('input', {
          type: 'radio',
          name: 'severity',
          value: n,
          checked: draft.severity === n,
          onchange: () => {
            draft.severity = n;
          },
        }),
        t(`report.severity${n}`),
      ),
    ),
    h('p', { class: 'hint' }, t('report.emergency')),
  );
  const photo = photoField(draft);
  const name = h('input', {
    id: 'report-name',
    type: 'text',
    autocomplete: 'name',
    maxlength: 40,
    value: draft.name,
  });
  name.addEventListener('input', () => {
    draft.name = name.value;
  });
  const phone = h('input', {
    id: 'report-phone',
    type: 'tel',
    autocomplete: 'tel',
    maxlength: 20,
    value: draft.phone,
  });
  phone.addEventListener('input', () => {
    draft.phone = phone.value;
  });
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('report.submit'));

  const form = h(
    'form',
    { class: 'report-form', novalidate: true, 'data-testid': 'report-form' },
    h(
      'p',
      { class: 'muted' },
      t('report.where', { block: o.detail.block.properties.name, community: o.detail.community.name }),
    ),
    field('report-category', t('report.category'), category),
    hint,
    field('report-description', t('report.description'), description, t('report.descriptionHint')),
    severity,
    photo,
    h(
      'fieldset',
      { class: 'field contact' },
      h('legend', {}, t('report.contact')),
      field('report-name', t('report.contactName'), name),
      field('report-phone', t('report.contactPhone'), phone),
    ),
    status,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send();
  });

  async function send(): Promise<void> {
    const body = reportBody(draft, o.pin);
    const checked = createIncidentSchema.safeParse(body);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      status.replaceChildren(
        h(
          'p',
          { class: 'error-detail', role: 'alert' },
          issue.path[0] === 'description'
            ? t('report.tooShort')
            : t('report.invalid', { message: issue.message }),
        ),
      );
      if (issue.path[0] === 'description') description.focus();
      return;
    }
    draft.idempotencyKey ??= newIdempotencyKey();
    submit.disabled = true;
    submit.textContent = t('report.submitting');
    status.replaceChildren();
    try {
      // A photo still uploading is waited for; one that failed is left out (the form says so).
      if (draft.photo?.state === 'uploading') {
        status.replaceChildren(h('p', { class: 'hint' }, t('report.photoWait')));
        await draft.photo.done;
        status.replaceChildren();
      }
      const created = await createIncident(reportBody(draft, o.pin), draft.idempotencyKey);
      o.onSubmitted(created, draft);
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err));
      // Refused as invalid: nothing was filed, so a corrected report is a new one. Otherwise keep the key.
      if (e.status === 400 || e.status === 422) draft.idempotencyKey = null;
      const text = e.unavailable
        ? t('report.unavailable', { phone: o.detail.duty_phone })
        : e.status === 400 || e.status === 422
          ? t('report.invalid', { message: e.message })
          : t('report.retryKept', { message: e.code === 'NETWORK' ? t('app.offline') : e.message });
      status.replaceChildren(
        h('p', { class: 'error-detail', role: 'alert', 'data-testid': 'report-error' }, text),
      );
    } finally {
      submit.disabled = false;
      submit.textContent = t('report.submit');
    }
  }

  void checkNearby(hint, o.pin, draft.category);
  return [form];
}
