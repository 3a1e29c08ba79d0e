// The popup of a block on the hot-spot map: its bin in words, count and rate, trend and emerging pattern.
import * as maplibregl from 'maplibre-gl';
import type { BlockHotspot } from '../../api/staff-schemas';
import { type MessageKey, t } from '../../i18n/i18n';
import { h } from '../dom';
import { binText } from './queue-list';

let popup: maplibregl.Popup | null = null;

export function closeHotspotPopup(): void {
  popup?.remove();
  popup = null;
}

export function showHotspotPopup(
  map: maplibregl.Map,
  at: [number, number],
  name: string,
  spot: BlockHotspot | undefined,
): void {
  closeHotspotPopup();
  const extra = spot
    ? [t(`queue.trend.${spot.trend}` as MessageKey), t(`hot.pattern.${spot.pattern}` as MessageKey)].filter(
        Boolean,
      )
    : [];
  const body = h(
    'div',
    { class: 'asset-popup', 'data-testid': 'hotspot-popup' },
    h('h3', {}, name),
    spot
      ? [
          h(
            'p',
            {},
            h(
              'span',
              { class: `bin-chip bin-${spot.bin}` },
              spot.bin > 0 ? `+${spot.bin}` : String(spot.bin),
            ),
            ' ',
            binText(spot.bin),
          ),
          h('p', { class: 'meta' }, t('hot.blockLine', { count: spot.count, z: spot.z.toFixed(2) })),
          extra.length ? h('p', { class: 'meta' }, extra.join(' · ')) : null,
        ]
      : null,
  );
  popup = new maplibregl.Popup({ closeButton: true, maxWidth: '18rem' })
    .setLngLat(at)
    .setDOMContent(body)
    .addTo(map);
}
