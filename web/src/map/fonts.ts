// Text on the map without any glyph server: Latin from the npm-shipped Noto Sans files, CJK from local fonts.

import notoRegular from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import notoBold from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import type { StyleSpecification } from 'maplibre-gl';

export const FONT_REGULAR = ['Noto Sans Regular'];
export const FONT_BOLD = ['Noto Sans Bold'];

/**
 * CSS families MapLibre draws CJK ideographs with (localIdeographFontFamily); every phone has one of them.
 * The font-weight comes from the font stack's name (Regular/Bold).
 */
export const LOCAL_CJK_FONTS =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';

/** Unicode ranges of the fontsource "latin" subset files. */
const LATIN = [
  'U+0000-00FF',
  'U+0131',
  'U+0152-0153',
  'U+02BB-02BC',
  'U+02C6',
  'U+02DA',
  'U+02DC',
  'U+2000-206F',
  'U+20AC',
  'U+2122',
  'U+2212',
];

const absolute = (url: string) => new URL(url, window.location.href).href;

/**
 * The style's `font-faces`: with no `glyphs` URL, MapLibre (≥ 5.11) draws every label in the browser;
 * these files pin Latin letters and digits (e.g. "1.7 km") to the same shipped font on every device.
 */
export function fontFaces(): NonNullable<StyleSpecification['font-faces']> {
  return {
    'Noto Sans Regular': [{ url: absolute(notoRegular), 'unicode-range': LATIN }],
    'Noto Sans Bold': [{ url: absolute(notoBold), 'unicode-range': LATIN }],
  };
}
