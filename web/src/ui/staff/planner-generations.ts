// The planner's list cards: the current generation, the open drafts (continue / discard) and a new draft; and
// the card after a publish.
import type { Diff, PlannerGeneration } from '../../api/planner';
import { formatDateTime, t } from '../../i18n/i18n';
import { h } from '../dom';
import { showCard } from '../panel';
import { diffSummary } from './planner-diff';

export interface GenerationsCardOptions {
  current: PlannerGeneration | undefined;
  drafts: PlannerGeneration[];
  onOpen(g: number): void;
  onDiscard(g: number): void;
  onStart(note: string): Promise<void>;
}

export function showGenerationsCard(panel: HTMLElement, o: GenerationsCardOptions): void {
  const note = h('input', { id: 'draft-note', type: 'text', maxlength: 200, autocomplete: 'off' });
  const start = h(
    'button',
    { type: 'submit', class: 'button primary', 'data-testid': 'start-draft' },
    t('planner.start'),
  );
  const form = h(
    'form',
    { class: 'report-form' },
    h('div', { class: 'field' }, h('label', { for: 'draft-note' }, t('planner.note')), note),
    start,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    start.disabled = true;
    await o.onStart(note.value.trim()).finally(() => {
      start.disabled = false;
    });
  });
  showCard(panel, {
    eyebrow: t('mode.option', { mode: t('mode.planner') }),
    title: t('planner.title'),
    body: [
      h('p', {}, t('planner.intro')),
      o.current
        ? h(
            'p',
            { class: 'meta', 'data-testid': 'current-generation' },
            t('planner.current', {
              g: o.current.generation,
              blocks: o.current.block_count,
              at: o.current.published_at ? formatDateTime(o.current.published_at) : '—',
            }),
          )
        : null,
      h('h3', { class: 'section-title' }, t('planner.drafts')),
      o.drafts.length
        ? h(
            'ul',
            { class: 'queue', 'data-testid': 'drafts' },
            ...o.drafts.map((d) =>
              h(
                'li',
                { class: 'queue-row', 'data-generation': d.generation },
                h(
                  'p',
                  {},
                  t('planner.draftRow', { g: d.generation, base: d.base ?? '—', edits: d.version - 1 }),
                  d.note ? h('span', { class: 'hint' }, ` · ${d.note}`) : null,
                ),
                h(
                  'div',
                  { class: 'actions' },
                  h(
                    'button',
                    { type: 'button', class: 'button secondary', onclick: () => o.onOpen(d.generation) },
                    t('planner.open'),
                  ),
                  h(
                    'button',
                    { type: 'button', class: 'button secondary', onclick: () => o.onDiscard(d.generation) },
                    t('planner.discard'),
                  ),
                ),
              ),
            ),
          )
        : h('p', { class: 'hint' }, t('planner.noDrafts')),
      form,
    ],
  });
}

/** After a publish: what changed, and a reload (the base map, search and tiles are built for one generation). */
export function showPublishedCard(panel: HTMLElement, generation: number, diff: Diff): void {
  showCard(panel, {
    eyebrow: t('mode.option', { mode: t('mode.planner') }),
    title: t('planner.published', { g: generation }),
    focus: true,
    body: [
      diffSummary(diff),
      h(
        'button',
        {
          type: 'button',
          class: 'button primary',
          'data-testid': 'reload-map',
          onclick: () => window.location.reload(),
        },
        t('planner.reload'),
      ),
    ],
  });
}
