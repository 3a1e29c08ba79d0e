// The staff sign-in card: paste a token (any deployment), or — on development and test servers — get one from
// POST /api/dev/tokens for the mode's role (dispatcher with a scope, cadre by id, department by key, planner).
import { ApiError } from '../../api/http';
import type { Townships } from '../../api/schemas';
import { type DevTokenRequest, getDevToken } from '../../api/staff';
import { type MessageKey, t } from '../../i18n/i18n';
import { h } from '../dom';
import { DEPARTMENTS, departmentName } from './departments';

export type StaffModeName = 'dispatcher' | 'cadre' | 'department' | 'planner';

export interface SignInOptions {
  mode: StaffModeName;
  townships: Townships;
  /** Why the card is shown again (wrong role, expired), if it is. */
  problem?: string;
  /** Receives a token; returns an error message when it cannot be used. */
  onToken: (token: string) => string | null;
}

const roleText = (role: string) => t(`role.${role}` as MessageKey);

function devFields(o: SignInOptions): { fields: HTMLElement[]; request: () => DevTokenRequest } {
  if (o.mode === 'cadre') {
    const id = h('input', {
      id: 'dev-cadre',
      type: 'text',
      value: 'C01089',
      maxlength: 64,
      autocomplete: 'off',
    });
    return {
      fields: [
        h('div', { class: 'field' }, h('label', { for: 'dev-cadre' }, t('signin.cadreId')), id),
        h('p', { class: 'hint' }, t('signin.cadreHint')),
      ],
      request: () => ({ role: 'cadre', sub: id.value.trim() || 'C01089' }),
    };
  }
  if (o.mode === 'planner') return { fields: [], request: () => ({ role: 'planner', sub: 'dev-planner' }) };
  if (o.mode === 'department') {
    const select = h(
      'select',
      { id: 'dev-department' },
      ...DEPARTMENTS.map((k) =>
        h('option', { value: k, selected: k === 'urban_management' }, departmentName(k)),
      ),
    );
    return {
      fields: [
        h('div', { class: 'field' }, h('label', { for: 'dev-department' }, t('signin.department')), select),
      ],
      request: () => ({ role: 'department', sub: `dev-${select.value}`, department: select.value }),
    };
  }
  const scope = h(
    'select',
    { id: 'dev-township' },
    h('option', { value: '' }, t('signin.wholeDistrict')),
    ...o.townships.features.map((f) => h('option', { value: f.properties.code }, f.properties.name)),
  );
  return {
    fields: [h('div', { class: 'field' }, h('label', { for: 'dev-township' }, t('signin.township')), scope)],
    request: () => ({ role: 'dispatcher', ...(scope.value ? { township: scope.value } : {}) }),
  };
}

/** The card body. */
export function signInBody(o: SignInOptions): HTMLElement[] {
  const status = h('p', { class: 'form-status error-detail', role: 'alert' });
  const tokenBox = h('textarea', {
    id: 'signin-token',
    rows: 3,
    spellcheck: 'false',
    autocomplete: 'off',
    'data-testid': 'signin-token',
  });
  const pasteForm = h(
    'form',
    { class: 'report-form' },
    h('div', { class: 'field' }, h('label', { for: 'signin-token' }, t('signin.token')), tokenBox),
    h('button', { type: 'submit', class: 'button secondary' }, t('signin.useToken')),
  );
  pasteForm.addEventListener('submit', (e) => {
    e.preventDefault();
    status.textContent = o.onToken(tokenBox.value) ?? '';
  });
  const dev = devFields(o);
  const devButton = h(
    'button',
    { type: 'submit', class: 'button primary', 'data-testid': 'dev-signin' },
    t('signin.devButton', { role: roleText(o.mode) }),
  );
  const devForm = h(
    'form',
    { class: 'report-form' },
    ...dev.fields,
    devButton,
    h('p', { class: 'hint' }, t('signin.devHint')),
  );
  devForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    devButton.disabled = true;
    try {
      const { token } = await getDevToken(dev.request());
      status.textContent = o.onToken(token) ?? '';
    } catch (err) {
      const unavailable = err instanceof ApiError && err.status === 404;
      status.textContent = unavailable
        ? t('signin.devUnavailable')
        : err instanceof ApiError
          ? err.message
          : String(err);
    } finally {
      devButton.disabled = false;
    }
  });
  const parts: (HTMLElement | null)[] = [
    o.problem ? h('p', { class: 'warning', role: 'status' }, o.problem) : null,
    h('p', {}, t('signin.intro')),
    h('details', { class: 'dev-signin', open: true }, h('summary', {}, t('signin.dev')), devForm),
    pasteForm,
    status,
  ];
  return parts.filter((x): x is HTMLElement => x !== null);
}

export { roleText };
