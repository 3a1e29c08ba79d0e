// The app shell: header (title, search, mode switch, my reports, language), panel, map, map buttons, legend.
import { type MessageKey, t } from '../i18n/i18n';
import { MODES, type Mode } from '../state/store';
import { h } from './dom';
import { toastRegion } from './toast';

export interface Shell {
  root: HTMLElement;
  searchSlot: HTMLElement;
  modeSelect: HTMLSelectElement;
  reportsButton: HTMLButtonElement;
  /** Staff modes put the signed-in role, sign-out and the notification bell here. */
  staffSlot: HTMLElement;
  langButton: HTMLButtonElement;
  panel: HTMLElement;
  mapContainer: HTMLElement;
  locateButton: HTMLButtonElement;
  pinCentreButton: HTMLButtonElement;
  legend: HTMLDetailsElement;
  /** Re-applies every static text after a language switch. */
  relabel(mode: Mode, available: (m: Mode) => boolean): void;
}

const icon = (path: string) =>
  `<svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="${path}"/></svg>`;
const LOCATE_ICON = icon(
  'M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zm9 3h-2.1A7 7 0 0 0 13 5.1V3h-2v2.1A7 7 0 0 0 5.1 11H3v2h2.1a7 7 0 0 0 5.9 5.9V21h2v-2.1a7 7 0 0 0 5.9-5.9H21zm-9 6a5 5 0 1 1 0-10 5 5 0 0 1 0 10z',
);
const PIN_ICON = icon(
  'M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z',
);

/** Builds the shell into `root` (the page's #app). */
export function createShell(root: HTMLElement): Shell {
  const title = h('h1', { class: 'title' });
  const subtitle = h('p', { class: 'subtitle', lang: 'zh-CN' });
  const skip = h('a', { class: 'skip-link', href: '#panel' });
  const searchSlot = h('div', { class: 'search-slot' });
  const modeLabel = h('label', { for: 'mode', class: 'visually-hidden' });
  const modeSelect = h('select', { id: 'mode', class: 'mode-select' });
  const reportsButton = h('button', { type: 'button', class: 'button ghost', 'data-testid': 'my-reports' });
  const staffSlot = h('div', { class: 'staff-slot' });
  const langButton = h('button', {
    type: 'button',
    class: 'button ghost lang',
    'data-testid': 'lang-toggle',
  });
  const panel = h('section', { id: 'panel', class: 'panel', tabindex: -1 });
  const mapContainer = h('div', { id: 'map', class: 'map', 'data-map-idle': 'false' });
  const locateButton = h('button', { type: 'button', class: 'map-button', 'data-testid': 'locate-me' });
  const pinCentreButton = h('button', { type: 'button', class: 'map-button' });
  locateButton.innerHTML = LOCATE_ICON;
  pinCentreButton.innerHTML = PIN_ICON;
  locateButton.append(h('span', { class: 'label' }));
  pinCentreButton.append(h('span', { class: 'label' }));
  const legend = h('details', { class: 'legend', 'data-testid': 'legend' });
  if (window.matchMedia('(min-width: 48em)').matches) legend.open = true;

  root.replaceChildren(
    skip,
    h(
      'header',
      { class: 'topbar' },
      h('div', { class: 'brand' }, title, subtitle),
      searchSlot,
      h('div', { class: 'tools' }, modeLabel, modeSelect, reportsButton, staffSlot, langButton),
    ),
    h(
      'main',
      { class: 'layout' },
      // Wide screens: the panel and the legend share the side column. Phones: the panel is a bottom
      // sheet and the legend a collapsed control over the map (the column box is dropped, display: contents).
      h('div', { class: 'sidebar' }, panel, legend),
      h(
        'div',
        { class: 'map-wrap' },
        mapContainer,
        h('div', { class: 'map-buttons' }, locateButton, pinCentreButton),
      ),
    ),
    toastRegion(),
  );

  return {
    root,
    searchSlot,
    modeSelect,
    reportsButton,
    staffSlot,
    langButton,
    panel,
    mapContainer,
    locateButton,
    pinCentreButton,
    legend,
    relabel(mode, available) {
      title.textContent = t('app.title');
      subtitle.textContent = t('app.subtitle');
      skip.textContent = t('app.skip');
      modeLabel.textContent = t('mode.label');
      modeSelect.replaceChildren(
        ...MODES.map((m) =>
          h(
            'option',
            { value: m, selected: m === mode, disabled: !available(m) },
            `${t('mode.option', { mode: t(`mode.${m}` as MessageKey) })}${available(m) ? '' : ' …'}`,
          ),
        ),
      );
      reportsButton.textContent = t('action.myReports');
      langButton.textContent = t('lang.toggle');
      langButton.setAttribute('aria-label', t('lang.toggleLabel'));
      langButton.setAttribute('lang', t('lang.toggle') === 'English' ? 'en' : 'zh-CN');
      locateButton.setAttribute('aria-label', t('action.locate'));
      locateButton.querySelector('.label')!.textContent = t('action.locate');
      pinCentreButton.setAttribute('aria-label', t('action.pinCentre'));
      pinCentreButton.title = t('action.pinCentre');
      pinCentreButton.querySelector('.label')!.textContent = '';
      mapContainer.setAttribute('aria-label', t('app.map'));
    },
  };
}
