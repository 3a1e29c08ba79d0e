// Colours of the offline basemap and overlays (hierarchy: township strongest, community thinner, blocks thin).
export const COLORS = {
  background: '#dfe6ea',
  land: '#f6f4ee',
  river: '#9cc7e4',
  riverLabel: '#1f5f8b',
  township: '#3b4a54',
  townshipCasing: '#ffffff',
  community: '#6c7f8c',
  block: '#9aabb7',
  labelTownship: '#1f2a30',
  labelCommunity: '#34444e',
  labelBlock: '#4a5a64',
  halo: '#ffffff',
  selection: '#c2410c',
  searchHighlight: '#1d4ed8',
  path: '#d9480f',
  park: '#a7d7a0',
  parkLine: '#3f8f46',
  stage: '#e9b6ee',
} as const;

/** Soft tints that tell the 15 townships apart without hiding the lines (by township code). */
export const TOWNSHIP_TINTS: Record<string, string> = {
  '430302001': '#f4d9d5',
  '430302002': '#d9e4f2',
  '430302003': '#dcecd6',
  '430302004': '#e6dcef',
  '430302005': '#f6e2cc',
  '430302006': '#f1ecc6',
  '430302007': '#e8d9cc',
  '430302008': '#f3dbe8',
  '430302100': '#f5e6d3',
  '430302101': '#e3e5e7',
  '430302102': '#f2dcd7',
  '430302202': '#d8e6ee',
  '430373001': '#d3ebe6',
  '430373002': '#e1eed2',
  '430373200': '#e3e0ef',
};

/**
 * Gi* bins, ColorBrewer RdBu (colour-blind safe, diverging): hot = red, cold = blue, 0 = not drawn. The legend
 * also names every bin in text ("+3 热点 99%"), so colour is never the only cue.
 */
export const HOTSPOT_BIN_COLORS: Record<number, string> = {
  3: '#b2182b',
  2: '#ef8a62',
  1: '#fddbc7',
  [-1]: '#d1e5f0',
  [-2]: '#67a9cf',
  [-3]: '#2166ac',
};

/** Incident classes, Okabe–Ito hues (distinguishable with every common colour-vision deficiency). */
export const CLASS_COLORS: Record<'A' | 'B' | 'C' | 'D', { fill: string; text: string }> = {
  A: { fill: '#0072b2', text: '#ffffff' },
  B: { fill: '#e69f00', text: '#1b262c' },
  C: { fill: '#cc79a7', text: '#1b262c' },
  D: { fill: '#d55e00', text: '#ffffff' },
};

/** Report density of the H3 hexagons: one dark hue whose opacity grows with the count (lightness channel). */
export const HEX_COLOR = '#17324a';
export const HEX_OPACITY = [0.07, 0.15, 0.26, 0.38, 0.52] as const;
export const OVERDUE_RING = '#b00020';
