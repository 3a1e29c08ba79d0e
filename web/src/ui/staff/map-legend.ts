// The staff map's legend (over the map): Gi* bins with their confidence in words, the hexagon density classes
// with their counts, and the incident symbols by class — colour is never the only cue.
import { INCIDENT_CLASS_INFO } from '../../../../core/incidents/categories';
import { label, t } from '../../i18n/i18n';
import { CLASS_COLORS, HEX_COLOR, HEX_OPACITY, HOTSPOT_BIN_COLORS, OVERDUE_RING } from '../../map/palette';
import { fromMarkup, h } from '../dom';
import { binText } from './queue-list';

const swatch = (fill: string, opacity = 1, stroke = 'rgba(0,0,0,0.25)') =>
  fromMarkup(
    `<svg width="22" height="14" aria-hidden="true" focusable="false"><rect x="0.5" y="0.5" width="21" height="13" rx="2" fill="${fill}" fill-opacity="${opacity}" stroke="${stroke}"/></svg>`,
  );
const dot = (fill: string, ink: string, letter: string, ring = '#fff') =>
  fromMarkup(
    `<svg width="22" height="22" aria-hidden="true" focusable="false"><circle cx="11" cy="11" r="8.5" fill="${fill}" stroke="${ring}" stroke-width="${ring === '#fff' ? 1.5 : 3}"/><text x="11" y="15" text-anchor="middle" font-size="11" font-weight="700" fill="${ink}">${letter}</text></svg>`,
  );

export interface StaffLegend {
  element: HTMLElement;
  /** Which sections apply now (layer toggles, zoom), and the hexagon class breaks. */
  update(o: { hotspots: boolean; hex: boolean; points: boolean; breaks: number[] }): void;
}

export function createStaffLegend(): StaffLegend {
  const bins = h(
    'section',
    { class: 'legend-section', 'data-testid': 'hotspot-legend' },
    h('h3', {}, t('hot.legend')),
    h(
      'ul',
      { class: 'bin-grid' },
      ...[3, 2, 1, 0, -1, -2, -3].map((bin) =>
        h(
          'li',
          { 'data-bin': bin },
          bin === 0 ? swatch('#ffffff', 0.6) : swatch(HOTSPOT_BIN_COLORS[bin]),
          h('span', {}, binText(bin)),
        ),
      ),
    ),
  );
  const hexList = h('ul', {});
  const hex = h('section', { class: 'legend-section' }, h('h3', {}, t('hot.hexLegend')), hexList);
  const points = h(
    'section',
    { class: 'legend-section' },
    h('h3', {}, t('hot.classLegend')),
    h(
      'ul',
      {},
      ...(['A', 'B', 'C', 'D'] as const).map((c) =>
        h(
          'li',
          {},
          dot(CLASS_COLORS[c].fill, CLASS_COLORS[c].text, c),
          h('span', {}, `${c} · ${label(INCIDENT_CLASS_INFO[c]).replace(/^[A-D]类·|^Class [A-D]: /, '')}`),
        ),
      ),
      h('li', {}, dot('#ffffff', '#000', '', OVERDUE_RING), h('span', {}, t('hot.overdueRing'))),
    ),
  );
  const element = h(
    'details',
    {
      class: 'map-legend',
      open: window.matchMedia('(min-width: 48em)').matches,
      'data-testid': 'staff-legend',
    },
    h('summary', { class: 'map-legend-title' }, t('hot.legendTitle')),
    bins,
    hex,
    points,
  );
  return {
    element,
    update(o) {
      bins.hidden = !o.hotspots;
      hex.hidden = !o.hex;
      points.hidden = !o.points;
      const edges = [1, ...o.breaks];
      hexList.replaceChildren(
        ...HEX_OPACITY.map((opacity, k) => {
          const from = edges[k];
          const to = k + 1 < edges.length ? edges[k + 1] - 1 : null;
          const text = to === null ? `≥ ${from}` : to <= from ? String(from) : `${from}–${to}`;
          return h('li', {}, swatch(HEX_COLOR, opacity, 'rgba(255,255,255,0.9)'), h('span', {}, text));
        }),
      );
    },
  };
}
