// The popup of a clicked asset: name, kind, whether it is demo data, the path's length, and "show its block".
import * as maplibregl from 'maplibre-gl';
import type { AssetFeature } from '../api/schemas';
import { formatDistance, type MessageKey, t } from '../i18n/i18n';
import { iconSvg } from '../map/asset-icons';
import type { LonLat } from '../map/display-crs';
import { fromMarkup, h } from './dom';

let open: maplibregl.Popup | null = null;

/** Opens the popup at `displayAt` (display coordinates); `onShowBlock` drops the pin at the asset. */
export function showAssetPopup(
  map: maplibregl.Map,
  asset: AssetFeature,
  displayAt: LonLat,
  onShowBlock: () => void,
): void {
  open?.remove();
  const p = asset.properties;
  const content = h(
    'div',
    { class: 'asset-popup', 'data-testid': 'asset-popup' },
    h('p', { class: 'eyebrow' }, fromMarkup(iconSvg(p.kind, 16)), ' ', t(`asset.${p.kind}` as MessageKey)),
    h('h3', {}, p.name),
    p.length_m ? h('p', {}, t('asset.length', { length: formatDistance(p.length_m) })) : null,
    p.synthetic ? h('p', { class: 'hint' }, t('asset.synthetic')) : null,
    p.approximate ? h('p', { class: 'hint' }, t('asset.approximate')) : null,
    h(
      'button',
      {
        type: 'button',
        class: 'link-button',
        onclick: () => {
          open?.remove();
          onShowBlock();
        },
      },
      t('action.showBlock'),
    ),
  );
  open = new maplibregl.Popup({ closeButton: true, maxWidth: '280px', focusAfterOpen: true })
    .setLngLat(displayAt)
    .setDOMContent(content)
    .addTo(map);
}

export function closeAssetPopup(): void {
  open?.remove();
  open = null;
}
