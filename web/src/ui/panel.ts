// The information panel (left column on wide screens, bottom sheet on phones): one card at a time.
import { t } from '../i18n/i18n';
import { h } from './dom';

export interface CardOptions {
  title: string;
  /** Small line above the title (e.g. the kind of card). */
  eyebrow?: string;
  body: (Node | string | null | false)[];
  onClose?: () => void;
  onBack?: () => void;
  /** Move keyboard focus to the card's title (after a user action that opened it). */
  focus?: boolean;
  /** Marks the card busy for assistive technology while it loads. */
  busy?: boolean;
}

/** Replaces the panel's content with one card. */
export function showCard(panel: HTMLElement, o: CardOptions): HTMLElement {
  const title = h('h2', { id: 'panel-title', class: 'card-title', tabindex: -1 }, o.title);
  const nav = h(
    'div',
    { class: 'card-nav' },
    o.onBack
      ? h('button', { type: 'button', class: 'link-button', onclick: o.onBack }, `‹ ${t('action.back')}`)
      : null,
    o.onClose
      ? h(
          'button',
          { type: 'button', class: 'icon-button close', 'aria-label': t('action.close'), onclick: o.onClose },
          '×',
        )
      : null,
  );
  const card = h(
    'article',
    { class: 'card', 'aria-labelledby': 'panel-title', 'aria-busy': o.busy ? 'true' : undefined },
    h(
      'header',
      { class: 'card-head' },
      h('div', {}, o.eyebrow ? h('p', { class: 'eyebrow' }, o.eyebrow) : null, title),
      nav,
    ),
    ...o.body.filter((b): b is Node | string => Boolean(b)),
  );
  panel.replaceChildren(card);
  panel.hidden = false;
  // A new card starts at its top (the panel, or on wide screens the side column, may have been scrolled).
  panel.scrollTop = 0;
  if (panel.parentElement) panel.parentElement.scrollTop = 0;
  if (o.focus) title.focus({ preventScroll: true });
  return card;
}

/** A spinner line with text, announced politely. */
export function loadingLine(text: string): HTMLElement {
  return h(
    'p',
    { class: 'loading', role: 'status' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    text,
  );
}

/** An error box a person can act on: what happened, the detail, and an optional retry. */
export function errorBox(title: string, detail: string, onRetry?: () => void): HTMLElement {
  return h(
    'div',
    { class: 'error-box', role: 'alert' },
    h('p', { class: 'error-title' }, title),
    h('p', { class: 'error-detail' }, detail),
    onRetry
      ? h('button', { type: 'button', class: 'button secondary', onclick: onRetry }, t('action.retry'))
      : null,
  );
}
