// Opens one incident in the panel for staff: loads it (version = ETag) and its history, renders the card, and
// sends the chosen action with If-Match (reloading and retrying once after a 412), then shows the result.
import { getBlockDetail } from '../../api/client';
import { ApiError } from '../../api/http';
import {
  getIncident,
  getIncidentEvents,
  type LoadedIncident,
  transitionWithRetry,
} from '../../api/incidents';
import type { IncidentView } from '../../api/schemas';
import { t } from '../../i18n/i18n';
import { errorBox, loadingLine, showCard } from '../../ui/panel';
import { actionsSection } from '../../ui/staff/action-forms';
import { recipientName } from '../../ui/staff/departments';
import { incidentCardBody } from '../../ui/staff/incident-card';
import { actionText, categoryText } from '../../ui/staff/incident-format';
import { toast } from '../../ui/toast';
import type { StaffContext } from './staff-session';

export interface IncidentPanelOptions {
  onBack: () => void;
  /** The incident changed (an action was done): lists and map refresh. */
  onChanged: (incident: IncidentView) => void;
  onShowOnMap: (incident: IncidentView) => void;
  /** Called whenever the incident was (re)loaded; `first` on the first load (e.g. to fly to it). */
  onLoaded?: (incident: IncidentView, first: boolean) => void;
  /** Move focus to the card (after a user's choice). */
  focus?: boolean;
}

const messageOf = (err: unknown) =>
  err instanceof ApiError ? (err.code === 'NETWORK' ? t('app.offline') : err.message) : String(err);

/** Shows incident `id`; returns a function that abandons a load still running. */
export function openIncident(ctx: StaffContext, id: string, o: IncidentPanelOptions): () => void {
  const controller = new AbortController();
  const panel = ctx.shell.panel;
  const townshipName = (code: string) =>
    ctx.data.townships.features.find((f) => f.properties.code === code)?.properties.name;

  const render = (
    loaded: LoadedIncident,
    events: Awaited<ReturnType<typeof getIncidentEvents>>['events'],
    focus: boolean,
  ) => {
    const i = loaded.incident;
    const actions = actionsSection({
      allowed: i.allowed_actions ?? [],
      mayReclassify: ctx.session.role === 'dispatcher' || ctx.session.role === 'admin',
      currentClass: i.class,
      assignees: async () => {
        const d = await getBlockDetail(i.block.id);
        const people = [d.cadres.governor, ...d.cadres.assistants, d.cadres.supervisor].filter(
          (p) => p !== null,
        );
        return people.map((p) => [p.id, `${p.name} · ${p.role_title}`] as [string, string]);
      },
      act: async (body) => {
        try {
          const result = await transitionWithRetry(loaded, body);
          toast(t('incident.done', { action: actionText(body.action) }));
          o.onChanged(result.incident);
          void load(false);
          return null;
        } catch (err) {
          if (err instanceof ApiError && err.status === 401) {
            ctx.signOut(t('signin.expired'));
            return null;
          }
          if (err instanceof ApiError && (err.status === 412 || err.code === 'ILLEGAL_TRANSITION')) {
            toast(t('incident.conflict'), 'error');
            void load(false);
            return t('incident.conflict');
          }
          return t('incident.failed', { message: messageOf(err) });
        }
      },
    });
    showCard(panel, {
      eyebrow: i.id,
      title: categoryText(i.category),
      body: incidentCardBody({
        incident: i,
        events,
        actions,
        recipient: (target) => recipientName(target, townshipName),
        onShowOnMap: () => o.onShowOnMap(i),
      }),
      onBack: o.onBack,
      focus,
    }).setAttribute('data-testid', 'incident-card');
  };

  let first = true;
  async function load(focus: boolean): Promise<void> {
    try {
      const [loaded, { events }] = await Promise.all([
        getIncident(id, undefined, controller.signal),
        getIncidentEvents(id, undefined, controller.signal),
      ]);
      if (controller.signal.aborted) return;
      render(loaded, events, focus);
      o.onLoaded?.(loaded.incident, first);
      first = false;
    } catch (err) {
      if (controller.signal.aborted) return;
      if (err instanceof ApiError && err.status === 401) return ctx.signOut(t('signin.expired'));
      showCard(panel, {
        title: id,
        body: [errorBox(t('pin.errorTitle'), messageOf(err), () => void load(true))],
        onBack: o.onBack,
      });
    }
  }

  showCard(panel, { title: id, body: [loadingLine(t('desk.loading'))], busy: true, onBack: o.onBack });
  void load(o.focus ?? false);
  return () => controller.abort();
}
