// The planner's edits without a pointer: pick a block by name, merge it with a neighbour of its community, move
// one of its corners to typed coordinates (e.g. from a survey). The same edits the map gestures send.
import { t } from '../../i18n/i18n';
import type { LonLat } from '../../map/display-crs';
import type { Vertex } from '../../map/planner-layers';
import { h } from '../dom';

export interface KeyboardToolsOptions {
  onPick(blockId: string): void;
  onMerge(neighbourId: string): void;
  onMoveCorner(from: LonLat, to: LonLat): void;
}

export interface KeyboardTools {
  element: HTMLElement;
  /** Every block of the draft, for the picker. */
  setBlocks(blocks: readonly { id: string; name: string }[]): void;
  /** The selected block's movable corners and its same-community neighbours (empty: none selected). */
  setSelection(corners: readonly Vertex[], neighbours: readonly { id: string; name: string }[]): void;
}

const label = (b: { id: string; name: string }) => `${b.name} · ${b.id}`;
const fmt = (p: LonLat) => `${p[0].toFixed(6)}, ${p[1].toFixed(6)}`;

export function keyboardTools(o: KeyboardToolsOptions): KeyboardTools {
  const list = h('datalist', { id: 'planner-blocks' });
  const pick = h('input', {
    id: 'planner-pick',
    type: 'text',
    list: 'planner-blocks',
    autocomplete: 'off',
    'data-testid': 'pick-block',
  });
  const byLabel = new Map<string, string>();
  const choose = () => {
    const id =
      byLabel.get(pick.value.trim()) ??
      (/^YH-\d{12}-\d{2}$/.test(pick.value.trim()) ? pick.value.trim() : null);
    if (id) o.onPick(id);
  };
  pick.addEventListener('change', choose);
  pick.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      choose();
    }
  });
  const merges = h('div', { class: 'actions', 'data-testid': 'merge-buttons' });
  const corner = h('select', { id: 'planner-corner' });
  const lon = h('input', { id: 'planner-lon', type: 'text', inputmode: 'decimal', autocomplete: 'off' });
  const lat = h('input', { id: 'planner-lat', type: 'text', inputmode: 'decimal', autocomplete: 'off' });
  const status = h('p', { class: 'form-status error-detail', role: 'alert' });
  const move = h(
    'form',
    { class: 'report-form', 'data-testid': 'move-corner' },
    h('div', { class: 'field' }, h('label', { for: 'planner-corner' }, t('planner.corner')), corner),
    h('div', { class: 'field' }, h('label', { for: 'planner-lon' }, t('planner.lon')), lon),
    h('div', { class: 'field' }, h('label', { for: 'planner-lat' }, t('planner.lat')), lat),
    h('button', { type: 'submit', class: 'button secondary' }, t('planner.moveCorner')),
    status,
  );
  corner.addEventListener('change', () => {
    const [x, y] = corner.value.split(',').map(Number);
    lon.value = String(x);
    lat.value = String(y);
  });
  move.addEventListener('submit', (e) => {
    e.preventDefault();
    const from = corner.value.split(',').map(Number) as LonLat;
    const to: LonLat = [Number(lon.value.trim()), Number(lat.value.trim())];
    if (!corner.value || !Number.isFinite(to[0]) || !Number.isFinite(to[1])) {
      status.textContent = t('planner.badCoordinates');
      return;
    }
    status.textContent = '';
    o.onMoveCorner(from, to);
  });
  const element = h(
    'details',
    { class: 'keyboard-tools', 'data-testid': 'keyboard-tools' },
    h('summary', {}, t('planner.keyboard')),
    h('div', { class: 'field' }, h('label', { for: 'planner-pick' }, t('planner.pick')), pick, list),
    h('p', { class: 'eyebrow' }, t('planner.mergeWith')),
    merges,
    move,
  );
  return {
    element,
    setBlocks(blocks) {
      byLabel.clear();
      for (const b of blocks) byLabel.set(label(b), b.id);
      list.replaceChildren(...blocks.map((b) => h('option', { value: label(b) })));
    },
    setSelection(corners, neighbours) {
      merges.replaceChildren(
        ...(neighbours.length
          ? neighbours.map((n) =>
              h(
                'button',
                {
                  type: 'button',
                  class: 'button secondary',
                  'data-merge': n.id,
                  onclick: () => o.onMerge(n.id),
                },
                n.name,
              ),
            )
          : [h('span', { class: 'hint' }, t('planner.noMerge'))]),
      );
      const movable = corners.filter((c) => !c.outline);
      corner.replaceChildren(
        ...movable.map((c, i) =>
          h('option', { value: `${c.at[0]},${c.at[1]}` }, `${i + 1}. ${fmt(c.at)}${c.shared ? ' ●' : ''}`),
        ),
      );
      move.hidden = movable.length === 0;
      const first = movable[0];
      lon.value = first ? String(first.at[0]) : '';
      lat.value = first ? String(first.at[1]) : '';
      status.textContent = '';
    },
  };
}
