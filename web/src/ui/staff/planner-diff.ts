// What publishing a draft would change, for the desk and the confirmation: counts, changed areas, workload.
import type { Diff } from '../../api/planner';
import { t } from '../../i18n/i18n';
import { h } from '../dom';
import { loadingLine } from '../panel';

/** Square metres as square kilometres, 3 decimals. */
export const km2 = (m2: number) => (m2 / 1e6).toFixed(3);

export function diffSummary(diff: Diff): string {
  return t('planner.diffSummary', {
    added: diff.added.length,
    removed: diff.removed.length,
    changed: diff.changed.length,
    moving: diff.open_incidents_moving,
  });
}

const arrow = (a: number | null, b: number | null) => `${a ?? '—'} → ${b ?? '—'}`;

/** The diff's content; `nameOf` names a block (the draft's name, or its id once it is gone). */
export function diffBody(diff: Diff | null, nameOf: (id: string) => string): HTMLElement[] {
  if (!diff) return [loadingLine(t('app.loading'))];
  const changes = diff.added.length + diff.removed.length + diff.changed.length;
  if (!changes) return [h('p', { class: 'hint' }, t('planner.diffNone'))];
  const parts: (HTMLElement | null)[] = [
    h('p', { 'data-testid': 'diff-summary' }, diffSummary(diff)),
    diff.changed.length
      ? h(
          'details',
          { open: true },
          h('summary', {}, t('planner.diffChanged')),
          h(
            'ul',
            { class: 'plain-list' },
            ...diff.changed.map((c) =>
              h(
                'li',
                {},
                `${c.id}: `,
                t('planner.areaChange', { before: km2(c.area_before), after: km2(c.area_after) }),
              ),
            ),
          ),
        )
      : null,
    h(
      'details',
      {},
      h('summary', {}, t('planner.balance')),
      h(
        'table',
        { class: 'balance', 'data-testid': 'balance' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('planner.block')),
            h('th', { scope: 'col' }, t('planner.balancePopulation')),
            h('th', { scope: 'col' }, t('planner.balanceIncidents')),
            h('th', { scope: 'col' }, t('planner.balanceCadres')),
          ),
        ),
        h(
          'tbody',
          {},
          ...diff.balance.map((b) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row', title: b.block_id }, nameOf(b.block_id)),
              h('td', {}, arrow(b.population_before, b.population_after)),
              h('td', {}, arrow(b.incidents_90d_before, b.incidents_90d_after)),
              h('td', {}, arrow(b.cadres_before, b.cadres_after)),
            ),
          ),
        ),
      ),
    ),
  ];
  return parts.filter((x): x is HTMLElement => x !== null);
}
