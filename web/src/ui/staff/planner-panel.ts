// The planner's cards: the generations list (current, drafts, start one), and the draft desk — tool choice,
// the selected block, the server's verdict on the last edit, the diff with workload before/after, publish.
import type { BlockRoles, Diff, PlannerGeneration } from '../../api/planner';
import type { BlockFeature } from '../../api/schemas';
import { formatDateTime, t } from '../../i18n/i18n';
import { h } from '../dom';
import { loadingLine, showCard } from '../panel';
import { type KeyboardTools, keyboardTools } from './planner-keyboard';

export type PlannerTool = 'select' | 'split' | 'merge';
const TOOLS: PlannerTool[] = ['select', 'split', 'merge'];
const TOOL_LABEL = {
  select: 'planner.toolSelect',
  split: 'planner.toolSplit',
  merge: 'planner.toolMerge',
} as const;
const TOOL_HINT = {
  select: 'planner.hintSelect',
  split: 'planner.hintSplit',
  merge: 'planner.hintMerge',
} as const;

const km2 = (m2: number) => (m2 / 1e6).toFixed(3);

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

export interface DraftDeskOptions {
  onTool(tool: PlannerTool): void;
  onFinishLine(): void;
  onUndoPoint(): void;
  onCancelLine(): void;
  onPublish(): Promise<void>;
  onPick(blockId: string): void;
  onMergeWith(neighbourId: string): void;
  onMoveCorner(from: [number, number], to: [number, number]): void;
  /** Saves the selected block's cadres (assign_cadres). */
  onAssign(roles: { governor: string; assistants: string[]; supervisor: string }): void;
  onDiscard(): void;
  onBack(): void;
}

export interface DraftDesk {
  /** The pointer-free edits (block picker, merge buttons, corner by coordinates). */
  readonly keyboard: KeyboardTools;
  setMeta(meta: PlannerGeneration): void;
  setTool(tool: PlannerTool): void;
  setSelected(block: BlockFeature | null): void;
  /** The selected block's cadres in the draft (null: none selected or not loaded). */
  setRoles(roles: BlockRoles | null): void;
  /** The line being drawn: its point count, or null when none is being drawn. */
  setDrawing(points: number | null): void;
  setStatus(kind: 'busy' | 'ok' | 'error' | 'idle', title?: string, detail?: string): void;
  setDiff(diff: Diff | null, nameOf?: (id: string) => string): void;
  /** Shows the confirmation that states the diff; resolves true when the planner confirms. */
  confirmPublish(diff: Diff): Promise<boolean>;
}

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
function diffBody(diff: Diff | null, nameOf: (id: string) => string): HTMLElement[] {
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

export function showDraftDesk(panel: HTMLElement, meta: PlannerGeneration, o: DraftDeskOptions): DraftDesk {
  const title = t('planner.draftTitle', { g: meta.generation });
  const metaLine = h('p', { class: 'meta', 'data-testid': 'draft-meta' });
  const toolButtons = TOOLS.map((tool) =>
    h(
      'button',
      {
        type: 'button',
        class: 'button secondary tool',
        'data-tool': tool,
        'aria-pressed': 'false',
        onclick: () => o.onTool(tool),
      },
      t(TOOL_LABEL[tool]),
    ),
  );
  const hint = h('p', { class: 'hint', 'data-testid': 'tool-hint' });
  const drawing = h(
    'div',
    { class: 'actions', hidden: true, 'data-testid': 'line-actions' },
    h('span', { class: 'hint' }),
    h(
      'button',
      { type: 'button', class: 'button primary', 'data-testid': 'finish-line', onclick: o.onFinishLine },
      t('planner.finishLine'),
    ),
    h(
      'button',
      { type: 'button', class: 'button secondary', onclick: o.onUndoPoint },
      t('planner.undoPoint'),
    ),
    h(
      'button',
      { type: 'button', class: 'button secondary', onclick: o.onCancelLine },
      t('planner.cancelLine'),
    ),
  );
  const keyboard = keyboardTools({ onPick: o.onPick, onMerge: o.onMergeWith, onMoveCorner: o.onMoveCorner });
  const selected = h('div', { class: 'selected-block', 'data-testid': 'selected-block' });
  const cadres = h('div', { class: 'block-cadres', 'data-testid': 'block-cadres' });
  const status = h('div', {
    class: 'edit-status',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'edit-status',
  });
  const diffTitle = h('h3', { class: 'section-title' });
  const diffBox = h('div', { 'data-testid': 'diff' });
  const confirmBox = h('div', { class: 'confirm', hidden: true, 'data-testid': 'publish-confirm' });
  const publish = h(
    'button',
    { type: 'button', class: 'button primary', 'data-testid': 'publish' },
    t('planner.publish'),
  );
  publish.addEventListener('click', async () => {
    publish.disabled = true;
    await o.onPublish().finally(() => {
      publish.disabled = false;
    });
  });
  showCard(panel, {
    eyebrow: t('mode.option', { mode: t('mode.planner') }),
    title,
    onBack: o.onBack,
    body: [
      metaLine,
      h('div', { class: 'tool-row', role: 'group', 'aria-label': t('planner.tools') }, ...toolButtons),
      hint,
      drawing,
      selected,
      keyboard.element,
      cadres,
      status,
      diffTitle,
      diffBox,
      confirmBox,
      h(
        'div',
        { class: 'actions' },
        publish,
        h(
          'button',
          { type: 'button', class: 'button secondary', onclick: o.onDiscard },
          t('planner.discard'),
        ),
      ),
    ],
  });
  const desk: DraftDesk = {
    keyboard,
    setMeta(m) {
      metaLine.textContent = t('planner.draftMeta', { base: m.base ?? '—', version: m.version });
      metaLine.dataset.version = String(m.version);
      diffTitle.textContent = t('planner.diffTitle', { base: m.base ?? '—' });
    },
    setTool(tool) {
      for (const b of toolButtons) b.setAttribute('aria-pressed', String(b.dataset.tool === tool));
      hint.textContent = t(TOOL_HINT[tool]);
    },
    setSelected(block) {
      selected.replaceChildren(
        ...(block
          ? [
              h('p', { class: 'eyebrow' }, t('planner.selected')),
              h('p', { class: 'block-name', 'data-id': block.properties.id }, block.properties.name),
              h(
                'p',
                { class: 'meta' },
                `${block.properties.id} · ${block.properties.community_name} · `,
                t('planner.population', { n: block.properties.population_est }),
                ' · ',
                t('planner.area', { km2: km2(block.properties.area_m2) }),
              ),
            ]
          : []),
      );
    },
    setRoles(roles) {
      if (!roles) return cadres.replaceChildren();
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
        o.onAssign({
          governor: value('cadre-governor'),
          assistants: value('cadre-assistants')
            .split(/[\s,，、]+/)
            .filter(Boolean),
          supervisor: value('cadre-supervisor'),
        });
      });
      cadres.replaceChildren(
        h(
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
        ),
      );
    },
    setDrawing(points) {
      drawing.hidden = points === null;
      drawing.querySelector('span')!.textContent = points === null ? '' : t('planner.points', { n: points });
      (drawing.querySelector('[data-testid=finish-line]') as HTMLButtonElement).disabled = (points ?? 0) < 2;
    },
    setStatus(kind, statusTitle, detail) {
      status.className = `edit-status ${kind}`;
      status.dataset.kind = kind;
      status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
      status.replaceChildren(
        ...(kind === 'busy' ? [loadingLine(statusTitle ?? '')] : []),
        ...(kind !== 'busy' && statusTitle ? [h('p', { class: 'status-title' }, statusTitle)] : []),
        ...(detail ? [h('p', { class: 'error-detail' }, detail)] : []),
      );
    },
    setDiff(diff, nameOf = (id) => id) {
      diffBox.replaceChildren(...diffBody(diff, nameOf));
    },
    confirmPublish(diff) {
      return new Promise((resolve) => {
        const done = (yes: boolean) => {
          confirmBox.hidden = true;
          confirmBox.replaceChildren();
          resolve(yes);
        };
        const yes = h(
          'button',
          {
            type: 'button',
            class: 'button primary',
            'data-testid': 'confirm-publish',
            onclick: () => done(true),
          },
          t('planner.publishYes'),
        );
        confirmBox.replaceChildren(
          h('p', {}, t('planner.publishConfirm', { g: meta.generation, summary: diffSummary(diff) })),
          h(
            'div',
            { class: 'actions' },
            yes,
            h(
              'button',
              { type: 'button', class: 'button secondary', onclick: () => done(false) },
              t('planner.cancel'),
            ),
          ),
        );
        confirmBox.hidden = false;
        yes.focus();
      });
    },
  };
  desk.setMeta(meta);
  desk.setDiff(null);
  desk.setStatus('idle');
  return desk;
}
