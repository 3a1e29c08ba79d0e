// Short status messages in a polite live region (screen readers hear them), dismissed after a while.
import { h } from './dom';

let region: HTMLElement | null = null;

/** The live region; created once by the shell. */
export function toastRegion(): HTMLElement {
  region ??= h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite' });
  return region;
}

/** Shows a message; errors stay longer and are styled as alerts. */
export function toast(message: string, kind: 'info' | 'error' = 'info'): void {
  const el = h('p', { class: `toast toast-${kind}` }, message);
  toastRegion().append(el);
  window.setTimeout(() => el.remove(), kind === 'error' ? 9000 : 4500);
}
