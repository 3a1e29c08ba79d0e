// Keeps the URL's hash in step with the store (replaceState, debounced) and applies hashes the user changes.

import type { Store } from './store';
import { formatUrlState, parseUrlState } from './url-state';

/** Starts syncing; `onExternal` is called after a hash typed or navigated to was applied to the store. */
export function syncUrl(store: Store, onExternal: () => void): void {
  let timer = 0;
  let written = window.location.hash;
  store.subscribe(() => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const hash = formatUrlState(store.get());
      if (hash === written) return;
      written = hash;
      window.history.replaceState(
        null,
        '',
        hash === '#' ? window.location.pathname + window.location.search : hash,
      );
    }, 250);
  });
  window.addEventListener('hashchange', () => {
    if (window.location.hash === written) return;
    written = window.location.hash;
    store.set(parseUrlState(window.location.hash));
    onExternal();
  });
}
