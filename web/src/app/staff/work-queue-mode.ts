// Cadre and department modes (phone-first): the caller's own queue — a cadre's blocks (assignee=me) or a
// department's escalated work (department=<key>) — as a list and on the map, each incident with its actions.

import { ApiError } from '../../api/http';
import { isOpen, lateness } from '../../api/incident-time';
import type { IncidentView } from '../../api/schemas';
import { listIncidents } from '../../api/staff';
import { t } from '../../i18n/i18n';
import { boundsOf } from '../../map/bounds';
import { incidentPoints } from '../../map/incident-points';
import { trackMapLoad } from '../../map/map-busy';
import { addStaffLayers } from '../../map/staff-layers';
import { h } from '../../ui/dom';
import { showCard } from '../../ui/panel';
import { DEPARTMENTS, departmentName, isDepartment } from '../../ui/staff/departments';
import { incidentRows } from '../../ui/staff/queue-list';
import { toast } from '../../ui/toast';
import { attachSearch } from '../search';
import { openIncident } from './incident-panel';
import { attachIncidentPicking } from './map-picking';
import type { StaffContext } from './staff-session';

const REFRESH_MS = 60_000;
const OPEN_STATES = ['reported', 'accepted', 'in_progress', 'reopened', 'escalated'];

/** Most urgent first: the latest past its deadline, then the nearest deadline, then the newest. */
const byUrgency = (a: IncidentView, b: IncidentView) =>
  (lateness(b) ?? -1e9) - (lateness(a) ?? -1e9) || b.reported_at.localeCompare(a.reported_at);

export function workQueueMount(kind: 'cadre' | 'department') {
  return (ctx: StaffContext): (() => void) => {
    const { map, display, store, shell } = ctx;
    const layers = addStaffLayers(map, display, 0);
    let department = isDepartment(ctx.session.department) ? ctx.session.department : 'urban_management';
    let all: IncidentView[] | null = null;
    let error: string | null = null;
    let showClosed = false;
    let fitted = false;
    let selected: string | null = null;
    let closeCard: (() => void) | null = null;

    const visible = () => (all ?? []).filter((i) => showClosed || isOpen(i)).sort(byUrgency);
    const draw = () => layers.setIncidents(incidentPoints(visible(), display, selected));
    const title = () =>
      kind === 'cadre'
        ? t('work.cadreTitle')
        : t('work.departmentTitle', { department: departmentName(department) });

    const listSlot = h('div', { class: 'desk-pane' });
    const closedToggle = h('input', { type: 'checkbox', id: 'work-closed' });
    closedToggle.addEventListener('change', () => {
      showClosed = closedToggle.checked;
      void load();
    });
    const departmentSelect = h(
      'select',
      { id: 'work-department' },
      ...DEPARTMENTS.map((k) => h('option', { value: k, selected: k === department }, departmentName(k))),
    );
    departmentSelect.addEventListener('change', () => {
      department = departmentSelect.value as typeof department;
      fitted = false;
      showList();
      void load();
    });
    const controls = h(
      'div',
      { class: 'work-controls' },
      kind === 'department' && !isDepartment(ctx.session.department)
        ? h(
            'div',
            { class: 'field' },
            h('label', { for: 'work-department' }, t('work.pickDepartment')),
            departmentSelect,
          )
        : null,
      h('label', { class: 'toggle', for: 'work-closed' }, closedToggle, t('work.showClosed')),
    );
    function renderList(): void {
      listSlot.replaceChildren(
        all === null && !error
          ? h('p', { class: 'muted' }, t('desk.loading'))
          : error
            ? h('p', { class: 'error-detail' }, t('desk.unavailable', { message: error }))
            : incidentRows(visible(), (i) => store.set({ incident: i.id }), t('work.empty'), selected),
      );
    }
    function showList(focus = false): void {
      closeCard?.();
      closeCard = null;
      showCard(shell.panel, {
        eyebrow: t('mode.option', { mode: t(kind === 'cadre' ? 'mode.cadre' : 'mode.department') }),
        title: title(),
        body: [controls, listSlot],
        focus,
      }).setAttribute('data-testid', 'work-queue');
      renderList();
    }

    async function load(): Promise<void> {
      try {
        // Open work only, unless resolved and closed ones were asked for (the queue is newest first).
        const status = showClosed ? undefined : OPEN_STATES;
        const page = await trackMapLoad(
          listIncidents(
            kind === 'cadre' ? { assignee: 'me', status, limit: 200 } : { department, status, limit: 200 },
          ),
        );
        all = page.incidents;
        error = null;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return ctx.signOut(t('signin.expired'));
        error = err instanceof Error ? err.message : String(err);
        toast(t('desk.unavailable', { message: error }), 'error');
      }
      renderList();
      draw();
      const points = visible().filter((i) => i.point);
      if (!fitted && points.length) {
        fitted = true;
        map.fitBounds(
          boundsOf({ type: 'MultiPoint', coordinates: points.map((i) => i.point!) }, display.toDisplay),
          { padding: 80, maxZoom: 16.5, duration: 0 },
        );
      }
    }

    /** Centres a point in the part of the map the panel leaves free (on phones the panel is a bottom sheet). */
    const reveal = (point: [number, number]) => {
      const sheet = shell.panel.getBoundingClientRect();
      const canvas = map.getCanvas().getBoundingClientRect();
      const covered =
        sheet.left < canvas.right - 10 && sheet.top > canvas.top ? canvas.bottom - sheet.top : 0;
      map.easeTo({
        center: point,
        zoom: Math.max(map.getZoom(), 16),
        offset: [0, -covered / 2],
        duration: 300,
      });
    };
    const showIncident = (id: string, focus: boolean) => {
      closeCard?.();
      selected = id;
      draw();
      closeCard = openIncident(ctx, id, {
        focus,
        onBack: () => store.set({ incident: null }),
        onChanged: () => void load(),
        onShowOnMap: (i) => {
          if (i.point) map.flyTo({ center: display.toDisplay(i.point), zoom: Math.max(map.getZoom(), 16) });
        },
        onLoaded: (i, first) => {
          layers.setSelected(
            i.point ? { point: display.toDisplay(i.point), id: i.id, class: i.class } : null,
          );
          if (first && i.point) reveal(display.toDisplay(i.point));
        },
      });
    };

    const detachPicking = attachIncidentPicking(map, (id) => store.set({ incident: id }));
    ctx.setIncidentOpener((id) => store.set({ incident: id }));
    // Search zooms to a township, community, block or facility (no pin in staff modes).
    const detachSearch = attachSearch(ctx, () => {});
    const offNotes = ctx.onNotification(() => void load());
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.incident === prev.incident) return;
      if (s.incident) showIncident(s.incident, true);
      else {
        selected = null;
        layers.setSelected(null);
        draw();
        showList(true);
      }
    });

    const start = store.get().incident;
    if (start) showIncident(start, false);
    else showList();
    void load();

    return () => {
      unsubscribe();
      window.clearInterval(timer);
      offNotes();
      detachPicking();
      detachSearch();
      closeCard?.();
      layers.remove();
    };
  };
}
