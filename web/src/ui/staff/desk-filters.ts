// The dispatcher's filters: period (7/30/90 days), classes A–D, category, and which analysis layers to draw.
import {
  INCIDENT_CATEGORIES,
  INCIDENT_CLASS_INFO,
  type IncidentCategory,
  type IncidentClass,
} from '../../../../core/incidents/categories';
import type { HotspotWindow, StaffFilter } from '../../api/staff';
import { label, type MessageKey, t } from '../../i18n/i18n';
import { h } from '../dom';

export interface LayerToggles {
  hotspots: boolean;
  hex: boolean;
}

export interface DeskFilterOptions {
  filter: StaffFilter;
  layers: LayerToggles;
  onFilter(patch: Partial<StaffFilter>): void;
  onLayers(layers: LayerToggles): void;
}

const WINDOWS: HotspotWindow[] = ['7d', '30d', '90d'];
const CLASSES: IncidentClass[] = ['A', 'B', 'C', 'D'];

/** The filter controls (a fieldset per question), for the top of the dispatch desk. */
export function deskFilters(o: DeskFilterOptions): HTMLElement {
  const windows = h(
    'fieldset',
    { class: 'segmented', 'data-testid': 'window' },
    h('legend', {}, t('desk.window')),
    ...WINDOWS.map((w) =>
      h(
        'label',
        {},
        h('input', {
          type: 'radio',
          name: 'desk-window',
          value: w,
          checked: o.filter.window === w,
          onchange: () => o.onFilter({ window: w }),
        }),
        h('span', {}, t(`desk.window${w}` as MessageKey)),
      ),
    ),
  );
  const classes = h(
    'fieldset',
    { class: 'segmented', 'data-testid': 'classes' },
    h('legend', {}, t('desk.classes')),
    ...CLASSES.map((c) =>
      h(
        'label',
        { title: label(INCIDENT_CLASS_INFO[c]) },
        h('input', {
          type: 'checkbox',
          name: 'desk-class',
          value: c,
          checked: o.filter.classes.includes(c),
          onchange: () => {
            const boxes = classes.querySelectorAll<HTMLInputElement>('input[name=desk-class]:checked');
            const chosen = Array.from(boxes, (b) => b.value as IncidentClass);
            o.onFilter({ classes: chosen.length ? chosen : CLASSES });
          },
        }),
        h('span', {}, c),
      ),
    ),
  );
  const category = h(
    'select',
    { id: 'desk-category', 'data-testid': 'category' },
    h('option', { value: '' }, t('desk.allCategories')),
    ...INCIDENT_CATEGORIES.map((c) =>
      h('option', { value: c.key, selected: c.key === o.filter.category }, label(c)),
    ),
  );
  category.addEventListener('change', () =>
    o.onFilter({ category: (category.value || null) as IncidentCategory | null }),
  );
  const layers = { ...o.layers };
  const toggle = (key: keyof LayerToggles, text: string) =>
    h(
      'label',
      { class: 'toggle' },
      h('input', {
        type: 'checkbox',
        name: `layer-${key}`,
        checked: layers[key],
        onchange: (e: Event) => {
          layers[key] = (e.target as HTMLInputElement).checked;
          o.onLayers({ ...layers });
        },
      }),
      text,
    );
  return h(
    'div',
    { class: 'desk-filters' },
    h('div', { class: 'filter-row' }, windows, classes),
    h('div', { class: 'field' }, h('label', { for: 'desk-category' }, t('desk.category')), category),
    h(
      'fieldset',
      { class: 'field layer-toggles' },
      h('legend', {}, t('desk.layers')),
      toggle('hotspots', t('desk.layerHotspots')),
      toggle('hex', t('desk.layerHex')),
    ),
  );
}
