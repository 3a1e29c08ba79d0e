// The block card: where the pin is (block, community, township), its cadres, duty line and doctor team.
import type { BlockDetail, Person } from '../api/schemas';
import { formatDistance, t } from '../i18n/i18n';
import { h, telHref } from './dom';

function person(p: Person | null, role: string): HTMLElement {
  if (!p) return h('li', { class: 'person' }, h('span', { class: 'role' }, role), '—');
  return h(
    'li',
    { class: 'person' },
    h('span', { class: 'role' }, role),
    h('span', {}, h('span', { class: 'name' }, p.name), ' ', h('span', { class: 'meta' }, p.role_title)),
    h('span', { class: 'meta' }, `${p.unit} · `, h('span', { class: 'phone' }, p.phone)),
  );
}

/** The card body for a located block. */
export function blockCardBody(d: BlockDetail, onReport: () => void): HTMLElement[] {
  const props = d.block.properties;
  const duty = h(
    'a',
    { class: 'button call', href: telHref(d.duty_phone), 'data-testid': 'duty-phone' },
    h('span', {}, t('block.duty')),
    h('strong', { class: 'tel' }, d.duty_phone),
  );
  const cadres = h(
    'section',
    { class: 'section', 'aria-labelledby': 'cadres-h' },
    h('h3', { id: 'cadres-h' }, t('block.cadres')),
    h(
      'ul',
      { class: 'people', 'data-testid': 'cadres' },
      person(d.cadres.governor, t('block.governor')),
      ...(d.cadres.assistants.length
        ? d.cadres.assistants.map((a) => person(a, t('block.assistants')))
        : [person(null, t('block.assistants'))]),
      person(d.cadres.supervisor, t('block.supervisor')),
    ),
    h('p', { class: 'hint' }, t('block.phoneMasked')),
  );
  const team = d.doctor_team;
  const doctors = h(
    'section',
    { class: 'section', 'aria-labelledby': 'doctors-h', 'data-testid': 'doctor-team' },
    h('h3', { id: 'doctors-h' }, t('block.doctors')),
    team
      ? h(
          'p',
          { class: 'doctor' },
          h('span', { class: 'name' }, team.name),
          h('span', { class: 'meta' }, t('block.doctorLead', { name: team.lead })),
          h('a', { class: 'tel-link', href: telHref(team.phone) }, team.phone),
        )
      : h('p', { class: 'muted' }, t('block.noDoctors')),
  );
  const assets = d.assets.length
    ? h(
        'section',
        { class: 'section', 'aria-labelledby': 'assets-h' },
        h('h3', { id: 'assets-h' }, t('block.assets')),
        h('ul', { class: 'chips' }, ...d.assets.map((a) => h('li', { class: 'chip' }, a.name))),
      )
    : null;
  return [
    h(
      'p',
      { class: 'place', 'data-testid': 'place' },
      h('span', { class: 'community' }, d.community.name),
      ' · ',
      h('span', { class: 'township' }, d.township.name),
    ),
    h(
      'p',
      { class: 'muted small' },
      `${t('block.generation', { generation: d.generation })} · ${t('block.population', { population: props.population_est })} · ${d.block.properties.id}`,
    ),
    d.open_incidents?.total
      ? h(
          'p',
          { class: 'small', 'data-testid': 'open-incidents' },
          t('block.openIncidents', { total: d.open_incidents.total }),
          d.open_incidents.overdue ? t('block.openOverdue', { overdue: d.open_incidents.overdue }) : '',
        )
      : null,
    duty,
    h(
      'button',
      { type: 'button', class: 'button primary', onclick: onReport, 'data-testid': 'report-button' },
      t('action.report'),
    ),
    cadres,
    doctors,
    ...(assets ? [assets] : []),
    props.synthetic ? h('p', { class: 'note' }, t('block.synthetic')) : null,
  ].filter((x): x is HTMLElement => x !== null);
}

/** The card body for a pin outside the district: the API's own message, and the nearest block. */
export function outsideBody(message: string, details: Record<string, unknown>): HTMLElement[] {
  const nearest = details.nearest_block as { name?: string } | undefined;
  const distance = typeof details.distance_m === 'number' ? details.distance_m : null;
  return [
    h(
      'div',
      { class: 'error-box', role: 'alert', 'data-testid': 'outside' },
      h('p', { class: 'error-title' }, t('pin.outsideTitle')),
      h('p', { class: 'error-detail', 'data-testid': 'api-message' }, message),
      nearest?.name && distance !== null
        ? h(
            'p',
            { class: 'error-detail' },
            t('pin.outsideNearest', { name: nearest.name, distance: formatDistance(distance) }),
          )
        : null,
    ),
  ];
}
