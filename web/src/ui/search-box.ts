// Search by township, community, block or asset name: an ARIA combobox with keyboard navigation.
import { type MessageKey, t } from '../i18n/i18n';
import { h } from './dom';

export interface SearchEntry {
  kind: 'township' | 'community' | 'block' | 'asset';
  id: string;
  name: string;
  /** Where it is (community · township), shown under the name. */
  context: string;
}

/** Ranks entries whose name (or context) contains every word of the query; names that start with it first. */
export function searchEntries(entries: readonly SearchEntry[], query: string, limit = 8): SearchEntry[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const order = { township: 0, community: 1, asset: 2, block: 3 };
  const scored: { e: SearchEntry; score: number }[] = [];
  for (const e of entries) {
    const name = e.name.toLowerCase();
    const hay = `${name} ${e.context.toLowerCase()} ${e.id.toLowerCase()}`;
    if (!words.every((w) => hay.includes(w))) continue;
    const score =
      (name.startsWith(words[0]) ? 0 : name.includes(words[0]) ? 10 : 20) + order[e.kind] + name.length / 100;
    scored.push({ e, score });
  }
  return scored
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map((s) => s.e);
}

export interface SearchBoxOptions {
  /** Resolves the entries (loaded lazily on first use). */
  load: () => Promise<SearchEntry[]>;
  onPick: (entry: SearchEntry) => void;
}

/** Builds the search box; returns its root element. */
export function createSearchBox(o: SearchBoxOptions): HTMLElement {
  let entries: SearchEntry[] | null = null;
  let results: SearchEntry[] = [];
  let active = -1;
  const input = h('input', {
    type: 'search',
    id: 'search',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': 'search-results',
    autocomplete: 'off',
    enterkeyhint: 'search',
    placeholder: t('search.placeholder'),
  });
  const list = h('ul', {
    id: 'search-results',
    role: 'listbox',
    class: 'search-results',
    hidden: true,
    'aria-label': t('search.label'),
  });
  const labelEl = h('label', { for: 'search', class: 'visually-hidden' }, t('search.label'));

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const pick = (e: SearchEntry) => {
    input.value = e.name;
    close();
    o.onPick(e);
  };
  const render = () => {
    list.replaceChildren(
      ...(results.length
        ? results.map((e, i) =>
            h(
              'li',
              {
                id: `search-opt-${i}`,
                role: 'option',
                class: 'search-option',
                'aria-selected': i === active ? 'true' : 'false',
                onmousedown: (ev: Event) => {
                  ev.preventDefault();
                  pick(e);
                },
              },
              h('span', { class: 'kind' }, t(`search.${e.kind}` as MessageKey)),
              h('span', { class: 'name' }, e.name),
              e.context ? h('span', { class: 'meta' }, e.context) : null,
            ),
          )
        : [
            h(
              'li',
              { class: 'search-empty', role: 'presentation' },
              entries ? t('search.none', { query: input.value.trim() }) : t('search.loading'),
            ),
          ]),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-opt-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const update = async () => {
    if (!input.value.trim()) return close();
    if (!entries) {
      render();
      try {
        entries = await o.load();
      } catch {
        entries = null;
        list.replaceChildren(h('li', { class: 'search-empty', role: 'presentation' }, t('app.offline')));
        return;
      }
    }
    results = searchEntries(entries, input.value);
    active = results.length ? 0 : -1;
    render();
  };
  input.addEventListener('input', () => void update());
  input.addEventListener('focus', () => {
    if (!entries)
      o.load().then(
        (e) => {
          entries = e;
        },
        () => {},
      );
  });
  input.addEventListener('blur', () => window.setTimeout(close, 150));
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (!results.length) return;
      ev.preventDefault();
      active = (active + (ev.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length;
      render();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (results[active]) pick(results[active]);
    } else if (ev.key === 'Escape') {
      close();
    }
  });
  return h('div', { class: 'search', role: 'search' }, labelEl, input, list);
}
