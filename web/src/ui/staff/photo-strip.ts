// Photos of an incident: thumbnails that open the full photo (served by key from GET /api/photos/...).
import { apiUrl } from '../../api/http';
import { t } from '../../i18n/i18n';
import { h } from '../dom';

/** Where the API serves a committed photo: `uploads/2026/11/x.jpg` -> /api/photos/2026/11/x.jpg. */
export const photoUrl = (key: string) => apiUrl(`/api/photos/${key.replace(/^uploads\//, '')}`);

export function photoStrip(keys: readonly string[]): HTMLElement | null {
  if (!keys.length) return null;
  return h(
    'div',
    { class: 'photo-strip', 'data-testid': 'photos' },
    ...keys.map((key) =>
      h(
        'a',
        { href: photoUrl(key), target: '_blank', rel: 'noopener' },
        h('img', { src: photoUrl(key), alt: t('report.photo'), class: 'photo-thumb', loading: 'lazy' }),
      ),
    ),
  );
}
