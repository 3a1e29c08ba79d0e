// The selected block's cadres in a draft: who serves it (names and ids, never phones) and a form to change them.
import type { BlockRoles } from '../../api/planner';
import { t } from '../../i18n/i18n';
import { h } from '../dom';

export type CadreRoles = { governor: string; assistants: string[]; supervisor: string };

export function cadreSection(roles: BlockRoles, onAssign: (roles: CadreRoles) => void): HTMLElement {
  const who = (p: { id: string; name: string | null }) => (p.name ? `${p.name}（${p.id}）` : p.id);
  const field = (id: string, label: string, value: string) =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, label),
      h('input', { id, type: 'text', value, autocomplete: 'off', spellcheck: 'false' }),
    );
  const form = h(
    'form',
    { class: 'report-form' },
    field('cadre-governor', t('planner.governor'), roles.governor.id),
    field('cadre-assistants', t('planner.assistants'), roles.assistants.map((a) => a.id).join(' ')),
    field('cadre-supervisor', t('planner.supervisor'), roles.supervisor.id),
    h('p', { class: 'hint' }, t('planner.cadreIds')),
    h(
      'button',
      { type: 'submit', class: 'button secondary', 'data-testid': 'save-cadres' },
      t('planner.saveCadres'),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = (id: string) => (form.querySelector(`#${id}`) as HTMLInputElement).value.trim();
    onAssign({
      governor: value('cadre-governor'),
      assistants: value('cadre-assistants')
        .split(/[\s,，、]+/)
        .filter(Boolean),
      supervisor: value('cadre-supervisor'),
    });
  });
  return h(
    'details',
    {},
    h('summary', {}, t('planner.cadres')),
    h(
      'ul',
      { class: 'plain-list' },
      h('li', {}, `${t('planner.governor')}：${who(roles.governor)}`),
      h('li', {}, `${t('planner.assistants')}：${roles.assistants.map(who).join('、')}`),
      h('li', {}, `${t('planner.supervisor')}：${who(roles.supervisor)}`),
    ),
    form,
  );
}
