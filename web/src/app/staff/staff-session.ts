// Wraps a staff mode: the sign-in card until this tab holds a token of a fitting role, then the header's role
// chip, sign-out and notification bell (live via SSE, polling as fallback), and the mode itself.

import { setAuthToken } from '../../api/http';
import { followNotifications } from '../../api/notification-stream';
import type { Notification } from '../../api/staff-schemas';
import { type MessageKey, t } from '../../i18n/i18n';
import {
  clearSession,
  decodeToken,
  loadSession,
  type Session,
  type StaffRole,
  saveSession,
} from '../../state/session';
import { h } from '../../ui/dom';
import { showCard } from '../../ui/panel';
import { createBell } from '../../ui/staff/notification-bell';
import { roleText, type StaffModeName, signInBody } from '../../ui/staff/sign-in';
import { toast } from '../../ui/toast';
import type { AppContext } from '../context';

export interface StaffContext extends AppContext {
  session: Session;
  /** Ends the session (sign-out, or a 401 from the API) and shows the sign-in card with `problem`. */
  signOut(problem?: string): void;
  /** Called for every notification that arrives while the mode runs; returns the unsubscribe. */
  onNotification(listener: (n: Notification) => void): () => void;
  /** What the bell's "open" does: the mode shows that incident. */
  setIncidentOpener(open: (id: string) => void): void;
}

export interface StaffModeSpec {
  mode: StaffModeName;
  roles: readonly StaffRole[];
  /** Whether the mode has the notification bell (planners get no incident notifications); default true. */
  notifications?: boolean;
  mount(ctx: StaffContext): () => void;
}

/** The ModeDefinition.mount of a staff mode. */
export function staffMount(spec: StaffModeSpec) {
  return (ctx: AppContext): (() => void) => {
    const { shell } = ctx;
    const residentControls = [shell.reportsButton, shell.locateButton, shell.pinCentreButton];
    for (const b of residentControls) b.hidden = true;
    const listeners = new Set<(n: Notification) => void>();
    let opener: (id: string) => void = () => {};
    let stopInner: (() => void) | null = null;
    let stopFeed: (() => void) | null = null;

    const stop = () => {
      stopFeed?.();
      stopFeed = null;
      stopInner?.();
      stopInner = null;
      listeners.clear();
      shell.staffSlot.replaceChildren();
      setAuthToken(null);
    };
    const modeName = () => t(`mode.${spec.mode}` as MessageKey);
    const wrongRole = (s: Session) =>
      t('signin.wrongRole', {
        role: roleText(s.role),
        mode: modeName(),
        need: spec.roles.map(roleText).join(' / '),
      });

    const onToken = (token: string): string | null => {
      const session = decodeToken(token);
      if (!session) return t('signin.badToken');
      if (!spec.roles.includes(session.role)) return wrongRole(session);
      saveSession(session.token);
      start(session);
      return null;
    };
    const showSignIn = (problem?: string) => {
      stop();
      showCard(shell.panel, {
        eyebrow: t('mode.option', { mode: modeName() }),
        title: t('signin.title', { mode: modeName() }),
        body: signInBody({ mode: spec.mode, townships: ctx.data.townships, problem, onToken }),
      });
    };
    const signOut = (problem?: string) => {
      clearSession();
      showSignIn(problem);
    };

    function start(session: Session): void {
      stop();
      setAuthToken(session.token);
      const bell = spec.notifications === false ? null : createBell((id) => opener(id));
      shell.staffSlot.replaceChildren(
        h(
          'span',
          { class: 'session-chip', 'data-testid': 'session' },
          t('session.as', { role: roleText(session.role), sub: session.name ?? session.sub }),
        ),
        h(
          'button',
          { type: 'button', class: 'button ghost', onclick: () => signOut() },
          t('session.signOut'),
        ),
        ...(bell ? [bell.element] : []),
      );
      if (bell)
        stopFeed = followNotifications({
          onHistory: (list) => bell.setHistory(list),
          onNotification: (n) => {
            bell.add(n);
            toast(t('notify.toast', { kind: t(`notify.kind.${n.kind}` as MessageKey), id: n.incident_id }));
            for (const l of listeners) l(n);
          },
          onState: (s) => bell.setState(s),
        });
      stopInner = spec.mount({
        ...ctx,
        session,
        signOut,
        onNotification: (l) => {
          listeners.add(l);
          return () => listeners.delete(l);
        },
        setIncidentOpener: (open) => {
          opener = open;
        },
      });
    }

    const begin = () => {
      const session = loadSession();
      if (session && spec.roles.includes(session.role)) start(session);
      else showSignIn(session ? wrongRole(session) : undefined);
    };
    // Every text is built in the current language: a language switch restarts the mode where it was.
    const unsubscribe = ctx.store.subscribe((s, prev) => {
      if (s.lang !== prev.lang) begin();
    });
    begin();

    return () => {
      unsubscribe();
      stop();
      for (const b of residentControls) b.hidden = false;
    };
  };
}
