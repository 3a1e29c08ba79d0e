// The registry of modes: resident (anonymous), and the staff modes behind a sign-in — dispatcher, cadre and
// department, and planner (boundary editing) — loaded on first use.
import { t } from '../i18n/i18n';
import type { Mode } from '../state/store';
import { errorBox, loadingLine, showCard } from '../ui/panel';
import type { AppContext, ModeDefinition } from './context';
import { mountResidentMode } from './resident-mode';

type StaffMounts = typeof import('./staff/index');

/** A mode whose code is fetched when it is first opened; stopping it before it arrived cancels the mount. */
function lazy(pick: (m: StaffMounts) => (ctx: AppContext) => () => void): ModeDefinition['mount'] {
  return (ctx) => {
    let stop: (() => void) | null = null;
    let stopped = false;
    showCard(ctx.shell.panel, { title: t('app.loading'), body: [loadingLine(t('app.loading'))], busy: true });
    import('./staff/index').then(
      (m) => {
        if (!stopped) stop = pick(m)(ctx);
      },
      (err) => {
        if (!stopped)
          showCard(ctx.shell.panel, {
            title: t('pin.errorTitle'),
            body: [errorBox(t('app.offline'), String(err), () => window.location.reload())],
          });
      },
    );
    return () => {
      stopped = true;
      stop?.();
    };
  };
}

export const MODE_REGISTRY: Record<Mode, ModeDefinition> = {
  resident: { available: true, mount: mountResidentMode },
  dispatcher: { available: true, mount: lazy((m) => m.dispatcherMount) },
  cadre: { available: true, mount: lazy((m) => m.cadreMount) },
  department: { available: true, mount: lazy((m) => m.departmentMount) },
  planner: { available: true, mount: lazy((m) => m.plannerMount) },
};

export const modeAvailable = (m: Mode) => MODE_REGISTRY[m].available;
