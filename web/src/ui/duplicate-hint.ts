// The duplicate hint of the report form: open reports of the same category within 50 m (GET /api/incidents/nearby).
import type { IncidentCategory } from '../../../core/incidents/categories';
import { ApiError } from '../api/http';
import { getNearbyIncidents } from '../api/incidents';
import { formatAgo, formatDistance, t } from '../i18n/i18n';
import type { LonLat } from '../map/display-crs';
import { h } from './dom';

/** Asks for open reports of the same kind nearby; fills `hint` (silent when the check is unavailable). */
export async function checkNearby(hint: HTMLElement, pin: LonLat, category: IncidentCategory): Promise<void> {
  hint.replaceChildren();
  try {
    const { incidents } = await getNearbyIncidents(pin[0], pin[1], category);
    if (!incidents.length) return;
    const nearest = incidents.reduce((a, b) => (b.distance_m < a.distance_m ? b : a));
    hint.append(
      h(
        'p',
        { class: 'warning', 'data-testid': 'duplicate-hint' },
        t('report.duplicate', {
          count: incidents.length,
          distance: formatDistance(nearest.distance_m),
          when: formatAgo(nearest.reported_at),
        }),
      ),
    );
  } catch (err) {
    if (!(err instanceof ApiError) || err.unavailable) return;
    hint.append(h('p', { class: 'muted small' }, t('report.duplicateUnavailable')));
  }
}
