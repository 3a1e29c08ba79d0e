// The lifecycle actions an incident allows the caller, as buttons; each opens a short form for what the action
// requires (class for escalate, a note for resolve, a reason for reject, a person for assign) and then sends it.
import { INCIDENT_CLASS_INFO } from '../../../../core/incidents/categories';
import type { TransitionBody } from '../../api/incidents';
import { label, type MessageKey, t } from '../../i18n/i18n';
import { h } from '../dom';
import { DEPARTMENTS, departmentName } from './departments';
import { actionText } from './incident-format';

export interface ActionOptions {
  allowed: readonly string[];
  /** Dispatchers and admins may change the class when accepting or assigning. */
  mayReclassify: boolean;
  currentClass: 'A' | 'B' | 'C' | 'D';
  /** People who may be assigned (the block's cadres), as [id, label]. */
  assignees: () => Promise<[string, string][]>;
  /** Sends the action; resolves with an error message, or null when it was done. */
  act(body: TransitionBody): Promise<string | null>;
}

/** The order buttons appear in: the usual next step first. */
const ORDER = ['accept', 'start', 'resolve', 'assign', 'escalate', 'reject', 'reopen', 'close'];
const STAFF_ACTIONS = new Set(ORDER);

const field = (id: string, text: string, control: HTMLElement) =>
  h('div', { class: 'field' }, h('label', { for: id }, text), control);

function classSelect(id: string, options: string[], withKeep: boolean): HTMLSelectElement {
  return h(
    'select',
    { id },
    withKeep ? h('option', { value: '' }, '—') : null,
    ...options.map((c) => h('option', { value: c }, label(INCIDENT_CLASS_INFO[c as 'A']))),
  );
}

/** The controls of one action's form; `read` returns the body or an error to show. */
function formFor(
  action: string,
  o: ActionOptions,
): { controls: HTMLElement[]; read(): TransitionBody | string } {
  const note = h('textarea', { id: `act-note-${action}`, rows: 2, maxlength: 1000 });
  const needsNote = action === 'resolve' || action === 'reopen';
  const noteField = field(note.id, needsNote ? t('incident.noteRequired') : t('incident.note'), note);
  const internal = h('input', { type: 'checkbox', id: `act-internal-${action}` });
  const internalField = h(
    'label',
    { class: 'toggle', for: internal.id },
    internal,
    t('incident.internalNote'),
  );
  const base = (): TransitionBody | string => {
    const text = note.value.trim();
    if (needsNote && text.length < 2) return t('incident.noteRequired');
    return {
      action: action as TransitionBody['action'],
      ...(text ? { note: text } : {}),
      ...(internal.checked ? { internal: true } : {}),
    };
  };
  if (action === 'escalate') {
    const higher = ['B', 'C', 'D'].filter((c) => c > o.currentClass || c === 'D');
    const cls = classSelect('act-class', higher.length ? higher : ['B', 'C', 'D'], false);
    const dept = h(
      'select',
      { id: 'act-department' },
      h('option', { value: '' }, t('incident.defaultDepartment')),
      ...DEPARTMENTS.map((k) => h('option', { value: k }, departmentName(k))),
    );
    const deptField = field(dept.id, t('incident.departmentOptional'), dept);
    const sync = () => {
      deptField.hidden = cls.value !== 'C';
    };
    cls.addEventListener('change', sync);
    sync();
    return {
      controls: [field(cls.id, t('incident.newClass'), cls), deptField, noteField, internalField],
      read: () => {
        const b = base();
        if (typeof b === 'string') return b;
        return {
          ...b,
          class: cls.value as 'B',
          ...(cls.value === 'C' && dept.value ? { department: dept.value as 'water' } : {}),
        };
      },
    };
  }
  if (action === 'reject') {
    const reason = h(
      'select',
      { id: 'act-reason' },
      ...['duplicate', 'not_our_responsibility', 'invalid'].map((r) =>
        h('option', { value: r }, t(`reason.${r}` as MessageKey)),
      ),
    );
    const dup = h('input', { id: 'act-duplicate', type: 'text', maxlength: 40, autocomplete: 'off' });
    const dupField = field(dup.id, t('incident.duplicateOf'), dup);
    const sync = () => {
      dupField.hidden = reason.value !== 'duplicate';
    };
    reason.addEventListener('change', sync);
    sync();
    return {
      controls: [field(reason.id, t('incident.reason'), reason), dupField, noteField],
      read: () => {
        const b = base();
        if (typeof b === 'string') return b;
        if (reason.value === 'duplicate' && !dup.value.trim()) return t('incident.duplicateOf');
        return {
          ...b,
          reason: reason.value as 'invalid',
          ...(reason.value === 'duplicate' ? { duplicate_of: dup.value.trim() } : {}),
        };
      },
    };
  }
  if (action === 'assign') {
    const who = h('input', {
      id: 'act-assignee',
      type: 'text',
      list: 'act-assignees',
      maxlength: 40,
      autocomplete: 'off',
    });
    const options = h('datalist', { id: 'act-assignees' });
    void o
      .assignees()
      .then((list) => options.replaceChildren(...list.map(([id, text]) => h('option', { value: id }, text))));
    return {
      controls: [field(who.id, t('incident.assignTo'), who), options, noteField],
      read: () => {
        const b = base();
        if (typeof b === 'string') return b;
        if (!who.value.trim()) return t('incident.assignTo');
        return { ...b, assignee: who.value.trim() };
      },
    };
  }
  const controls: HTMLElement[] = [];
  let cls: HTMLSelectElement | null = null;
  if (action === 'accept' && o.mayReclassify) {
    cls = classSelect('act-class', ['A', 'B', 'C', 'D'], true);
    controls.push(field(cls.id, t('incident.newClass'), cls));
  }
  controls.push(noteField);
  if (action === 'resolve') controls.push(internalField);
  return {
    controls,
    read: () => {
      const b = base();
      if (typeof b === 'string' || !cls?.value || cls.value === o.currentClass) return b;
      return { ...b, class: cls.value as 'A' };
    },
  };
}

/** The actions section: buttons, and the open form of the chosen action. */
export function actionsSection(o: ActionOptions): HTMLElement {
  const actions = ORDER.filter((a) => o.allowed.includes(a) && STAFF_ACTIONS.has(a));
  const formSlot = h('div', { class: 'action-form-slot' });
  const buttons = h(
    'div',
    { class: 'action-buttons', 'data-testid': 'actions' },
    ...actions.map((a, i) =>
      h(
        'button',
        {
          type: 'button',
          class: `button ${i === 0 ? 'primary' : 'secondary'}`,
          'data-action': a,
          onclick: () => open(a),
        },
        actionText(a),
      ),
    ),
  );
  function open(action: string): void {
    const spec = formFor(action, o);
    const status = h('p', { class: 'form-status error-detail', role: 'alert' });
    const submit = h(
      'button',
      { type: 'submit', class: 'button primary', 'data-testid': 'confirm-action' },
      t('incident.confirm', { action: actionText(action) }),
    );
    const form = h(
      'form',
      { class: 'report-form action-form', 'data-form': action },
      ...spec.controls,
      status,
      h(
        'div',
        { class: 'row' },
        submit,
        h(
          'button',
          { type: 'button', class: 'link-button', onclick: () => formSlot.replaceChildren() },
          t('incident.cancel'),
        ),
      ),
    );
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const body = spec.read();
      if (typeof body === 'string') {
        status.textContent = body;
        return;
      }
      submit.disabled = true;
      const problem = await o.act(body);
      submit.disabled = false;
      if (problem) status.textContent = problem;
    });
    formSlot.replaceChildren(form);
    form.querySelector<HTMLElement>('select, textarea, input')?.focus();
  }
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'actions-h' },
    h('h3', { id: 'actions-h' }, t('incident.actions')),
    actions.length ? buttons : h('p', { class: 'muted' }, t('incident.noActions')),
    formSlot,
  );
}
