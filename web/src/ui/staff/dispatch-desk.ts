// The dispatch desk card's body: filters, a one-line summary, and tabs — new reports, the overdue queue
// (most overdue first) and the hot-spot blocks — built once and updated in place, so focus is never lost.
import type { IncidentView } from '../../api/schemas';
import type { BlockHotspot, Hotspots } from '../../api/staff-schemas';
import { formatCount, type MessageKey, t } from '../../i18n/i18n';
import { h } from '../dom';
import { type DeskFilterOptions, deskFilters } from './desk-filters';
import { hotBlockRows, incidentRows } from './queue-list';

export type DeskTab = 'new' | 'overdue' | 'hot';
/** Page sizes of the two queues (the dispatcher asks for this many). */
export const NEW_PAGE = 50;
export const OVERDUE_PAGE = 200;

export interface DispatchDesk {
  body: HTMLElement[];
  setNew(list: IncidentView[] | Error): void;
  setOverdue(list: IncidentView[] | Error): void;
  setHotspots(h: Hotspots, names: ReadonlyMap<string, string>): void;
  /** The note under the tabs: zoom in to see points, or "newest 200 only". */
  setPointsNote(text: string): void;
  setSelected(id: string | null): void;
}

export interface DeskOptions extends DeskFilterOptions {
  onOpen(i: IncidentView): void;
  onPickBlock(b: BlockHotspot): void;
}

/** Whether a refreshed list shows exactly what is on screen (then the list is left alone: focus, scroll). */
function same(a: IncidentView[] | Error | null, b: IncidentView[] | Error): boolean {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((x, i) => x.id === b[i].id && x.status === b[i].status && x.class === b[i].class);
}

export function createDispatchDesk(o: DeskOptions): DispatchDesk {
  let tab: DeskTab = 'new';
  let selected: string | null = null;
  let fresh: IncidentView[] | Error | null = null;
  let overdue: IncidentView[] | Error | null = null;
  let hot: BlockHotspot[] = [];
  let names: ReadonlyMap<string, string> = new Map();
  const summary = h('p', { class: 'desk-summary', 'data-testid': 'desk-summary' }, t('desk.loading'));
  const pane = h('div', { role: 'tabpanel', id: 'desk-pane', class: 'desk-pane' });
  const note = h('p', { class: 'hint', 'data-testid': 'points-note' });
  const tabButtons = (['new', 'overdue', 'hot'] as const).map((k) =>
    h('button', {
      type: 'button',
      role: 'tab',
      class: 'tab',
      'data-tab': k,
      'aria-controls': 'desk-pane',
      onclick: () => {
        tab = k;
        render();
      },
    }),
  );
  const tabBar = h('div', { class: 'tabs', role: 'tablist' }, ...tabButtons);

  /** The tab's count; a full page reads "200+". */
  const count = (v: IncidentView[] | Error | null, page: number) =>
    v === null || v instanceof Error ? '' : ` ${v.length}${v.length >= page ? '+' : ''}`;
  function render(): void {
    const labels: Record<DeskTab, string> = {
      new: `${t('desk.tabNew')}${count(fresh, NEW_PAGE)}`,
      overdue: `${t('desk.tabOverdue')}${count(overdue, OVERDUE_PAGE)}`,
      hot: `${t('desk.tabHot')}${hot.length ? ` ${hot.length}` : ''}`,
    };
    for (const b of tabButtons) {
      const k = b.dataset.tab as DeskTab;
      b.textContent = labels[k];
      b.setAttribute('aria-selected', String(k === tab));
    }
    const list = (v: IncidentView[] | Error | null, empty: MessageKey) =>
      v === null
        ? h('p', { class: 'muted' }, t('desk.loading'))
        : v instanceof Error
          ? h('p', { class: 'error-detail' }, t('desk.unavailable', { message: v.message }))
          : incidentRows(v, o.onOpen, t(empty), selected);
    pane.replaceChildren(
      tab === 'new'
        ? list(fresh, 'desk.emptyNew')
        : tab === 'overdue'
          ? list(overdue, 'desk.emptyOverdue')
          : hotBlockRows(hot, names, o.onPickBlock),
    );
  }
  render();
  return {
    body: [deskFilters(o), summary, tabBar, pane, note],
    setNew(list) {
      if (same(fresh, list)) return;
      fresh = list;
      render();
    },
    setOverdue(list) {
      if (same(overdue, list)) return;
      overdue = list;
      render();
    },
    setHotspots(result, blockNames) {
      names = blockNames;
      hot = result.blocks.filter((b) => b.bin > 0).sort((a, b) => b.z - a.z);
      const total = result.summary.total_count ?? result.blocks.reduce((s, b) => s + b.count, 0);
      summary.textContent = t('desk.summary', {
        window: t(`desk.window${result.window}` as MessageKey),
        total: formatCount(total),
        hot: hot.length,
      });
      render();
    },
    setPointsNote(text) {
      note.textContent = text;
    },
    setSelected(id) {
      selected = id;
      render();
    },
  };
}
