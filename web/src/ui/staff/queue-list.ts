// Work lists: incidents (class, category, block, how late) and hot-spot blocks (bin, count, trend, pattern).
import type { IncidentView } from '../../api/schemas';
import type { BlockHotspot } from '../../api/staff-schemas';
import { type MessageKey, t } from '../../i18n/i18n';
import { h } from '../dom';
import { categoryText, classBadge, statusText, timingText } from './incident-format';

/** Incident rows; each row is a button that opens the incident. */
export function incidentRows(
  list: readonly IncidentView[],
  onOpen: (i: IncidentView) => void,
  empty: string,
  selected: string | null = null,
): HTMLElement {
  if (!list.length) return h('p', { class: 'empty' }, empty);
  return h(
    'ul',
    { class: 'queue', 'data-testid': 'queue' },
    ...list.map((i) => {
      const timing = timingText(i);
      return h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: `queue-item${i.id === selected ? ' selected' : ''}`,
            'data-id': i.id,
            'aria-current': i.id === selected ? 'true' : undefined,
            onclick: () => onOpen(i),
          },
          classBadge(i.class),
          h(
            'span',
            { class: 'queue-main' },
            h(
              'span',
              { class: 'name' },
              categoryText(i.category),
              h('span', { class: 'meta' }, ` · ${statusText(i.status)}`),
            ),
            h('span', { class: 'meta' }, i.block.name),
            i.description ? h('span', { class: 'queue-text' }, i.description) : null,
          ),
          h('span', { class: timing.late ? 'queue-time late' : 'queue-time' }, timing.text),
        ),
      );
    }),
  );
}

export const binText = (bin: number) => t(`hot.bin${bin}` as MessageKey);

/** Hot-spot blocks, strongest first; each row zooms to its block. */
export function hotBlockRows(
  list: readonly BlockHotspot[],
  names: ReadonlyMap<string, string>,
  onPick: (b: BlockHotspot) => void,
): HTMLElement {
  if (!list.length) return h('p', { class: 'empty' }, t('desk.emptyHot'));
  return h(
    'ul',
    { class: 'queue', 'data-testid': 'hot-blocks' },
    ...list.map((b) => {
      const extra = [
        t(`queue.trend.${b.trend}` as MessageKey),
        t(`hot.pattern.${b.pattern}` as MessageKey),
      ].filter(Boolean);
      return h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: 'queue-item', 'data-block': b.block_id, onclick: () => onPick(b) },
          h('span', { class: `bin-chip bin-${b.bin}` }, b.bin > 0 ? `+${b.bin}` : String(b.bin)),
          h(
            'span',
            { class: 'queue-main' },
            h('span', { class: 'name' }, names.get(b.block_id) ?? b.block_id),
            h('span', { class: 'meta' }, `${binText(b.bin)} · ${t('queue.count', { n: b.count })}`),
          ),
          h('span', { class: 'queue-time' }, extra.join(' · ')),
        ),
      );
    }),
  );
}

export { statusText };
