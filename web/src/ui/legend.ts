// The legend: what the lines and colours mean, and checkboxes that toggle the asset groups.
import type { AssetKind } from '../../../core/geography/schemas';
import { type MessageKey, t } from '../i18n/i18n';
import { iconSvg, kindsOf } from '../map/asset-icons';
import { COLORS } from '../map/palette';
import { ASSET_GROUPS, type AssetGroup } from '../state/store';
import { fromMarkup, h } from './dom';

function lineSwatch(color: string, width: number, casing = false): Element {
  return fromMarkup(
    `<svg width="28" height="14" aria-hidden="true" focusable="false">${casing ? `<line x1="1" y1="7" x2="27" y2="7" stroke="#fff" stroke-width="${width + 3}"/>` : ''}<line x1="1" y1="7" x2="27" y2="7" stroke="${color}" stroke-width="${width}"/></svg>`,
  );
}

function areaSwatch(color: string, stroke?: string): Element {
  return fromMarkup(
    `<svg width="28" height="14" aria-hidden="true" focusable="false"><rect x="1" y="1" width="26" height="12" rx="2" fill="${color}" ${stroke ? `stroke="${stroke}"` : ''}/></svg>`,
  );
}

function kindIcons(kinds: AssetKind[]): HTMLElement {
  return h(
    'span',
    { class: 'kind-icons' },
    ...kinds.map((k) =>
      k === 'health_path' ? lineSwatch(COLORS.path, 4, true) : fromMarkup(iconSvg(k, 18)),
    ),
  );
}

/** Renders the legend into `host`; `onToggle` receives the new list of visible groups. */
export function renderLegend(
  host: HTMLDetailsElement,
  visible: readonly AssetGroup[],
  offline: boolean,
  onToggle: (groups: AssetGroup[]) => void,
): void {
  const item = (swatch: Element, text: string) => h('li', {}, swatch, h('span', {}, text));
  const checkboxes = ASSET_GROUPS.map((group) => {
    const input = h('input', {
      type: 'checkbox',
      name: 'layer',
      value: group,
      checked: visible.includes(group),
    });
    input.addEventListener('change', () => {
      const boxes = host.querySelectorAll<HTMLInputElement>('input[name=layer]');
      onToggle(
        Array.from(boxes)
          .filter((b) => b.checked)
          .map((b) => b.value as AssetGroup),
      );
    });
    return h(
      'li',
      {},
      h(
        'label',
        { class: 'toggle' },
        input,
        kindIcons(kindsOf(group)),
        h('span', {}, t(`group.${group}` as MessageKey)),
      ),
    );
  });
  host.replaceChildren(
    h('summary', {}, t('legend.title')),
    h(
      'div',
      { class: 'legend-body' },
      h(
        'ul',
        { class: 'legend-lines' },
        item(lineSwatch(COLORS.township, 2.6, true), t('legend.township')),
        item(lineSwatch(COLORS.community, 1.4), t('legend.community')),
        item(lineSwatch(COLORS.block, 1), t('legend.block')),
        offline ? item(areaSwatch(COLORS.river), t('legend.river')) : null,
      ),
      h('h3', {}, t('legend.layers')),
      h('ul', { class: 'legend-layers' }, ...checkboxes),
      h('p', { class: 'hint' }, t('legend.synthetic')),
    ),
  );
}
