// The planner's draft desk: tool choice, the selected block (its cadres, pointer-free edits), the server's verdict
// on the last edit, the diff with workload before/after, publish with its confirmation.
import type { BlockRoles, Diff, PlannerGeneration } from '../../api/planner';
import type { BlockFeature } from '../../api/schemas';
import { t } from '../../i18n/i18n';
import { h } from '../dom';
import { showCard } from '../panel';
import { cadreSection } from './planner-cadres';
import { diffBody, diffSummary, km2 } from './planner-diff';
import { type KeyboardTools, keyboardTools } from './planner-keyboard';

export { showGenerationsCard, showPublishedCard } from './planner-generations';
export { diffSummary };

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
      cadres.replaceChildren(...(roles ? [cadreSection(roles, o.onAssign)] : []));
    },
    setDrawing(points) {
      drawing.hidden = points === null;
      drawing.querySelector('span')!.textContent = points === null ? '' : t('planner.points', { n: points });
      (drawing.querySelector('[data-testid=finish-line]') as HTMLButtonElement).disabled = (points ?? 0) < 2;
    },
    setStatus(kind, statusTitle, detail) {
      status.className = `edit-status ${kind}`;
      status.dataset.kind = kind;
      // One polite region; a refusal is wrapped in an alert so it is read out at once.
      const body = [
        ...(kind === 'busy'
          ? [
              h(
                'p',
                { class: 'loading' },
                h('span', { class: 'spinner', 'aria-hidden': 'true' }),
                statusTitle ?? '',
              ),
            ]
          : []),
        ...(kind !== 'busy' && statusTitle ? [h('p', { class: 'status-title' }, statusTitle)] : []),
        ...(detail ? [h('p', { class: 'error-detail' }, detail)] : []),
      ];
      status.replaceChildren(...(kind === 'error' ? [h('div', { role: 'alert' }, ...body)] : body));
    },
    setDiff(diff, nameOf = (id) => id) {
      diffBox.replaceChildren(...diffBody(diff, nameOf));
    },
    confirmPublish(diff) {
      return new Promise((resolve) => {
        const done = (yes: boolean) => {
          confirmBox.hidden = true;
          confirmBox.replaceChildren();
          publish.focus(); // focus goes back where the planner started
          resolve(yes);
        };
        const yes = h(
          'button',
          {
            type: 'button',
            class: 'button primary',
            'data-testid': 'confirm-publish',
            // Focus lands here: the button reads out the diff it confirms.
            'aria-describedby': 'publish-confirm-text',
            onclick: () => done(true),
          },
          t('planner.publishYes'),
        );
        confirmBox.replaceChildren(
          h(
            'p',
            { id: 'publish-confirm-text' },
            t('planner.publishConfirm', { g: meta.generation, summary: diffSummary(diff) }),
          ),
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
