// npx tsx scripts/data/render-overview.ts — draws docs/geography.png from data/geojson (blocks coloured by township).
import fs from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { encodePng } from './png';
import { Raster, type Rgb } from './raster';
import { REPO_ROOT } from './raw';

const DATA = path.join(REPO_ROOT, 'data/geojson');
const OUT = path.join(REPO_ROOT, 'docs/geography.png');

/** Township colours (ColorBrewer-like, distinct neighbours) and pinyin labels for the legend. */
const STYLE: Record<string, { color: Rgb; label: string }> = {
  '430302001': { color: [228, 26, 28], label: 'Yuhulu' },
  '430302002': { color: [55, 126, 184], label: 'Chengzhengjie' },
  '430302003': { color: [77, 175, 74], label: 'Yuntang' },
  '430302004': { color: [152, 78, 163], label: 'Guangchang' },
  '430302005': { color: [255, 127, 0], label: 'Yaowan' },
  '430302006': { color: [230, 210, 40], label: 'Zhaotan' },
  '430302007': { color: [166, 86, 40], label: 'Wanlou' },
  '430302008': { color: [247, 129, 191], label: 'Xianfeng' },
  '430373001': { color: [141, 211, 199], label: 'Heping' },
  '430373002': { color: [179, 222, 105], label: 'Jiuhua' },
  '430373200': { color: [190, 186, 218], label: 'Xiangshui (xiang)' },
  '430302202': { color: [128, 177, 211], label: 'Changcheng (xiang)' },
  '430302102': { color: [251, 128, 114], label: 'Jiangshe (zhen)' },
  '430302100': { color: [253, 180, 98], label: 'Heling (zhen)' },
  '430302101': { color: [204, 204, 204], label: 'Nanzhushan (zhen)' },
};

const read = (name: string): FeatureCollection<Geometry, Record<string, unknown>> =>
  JSON.parse(fs.readFileSync(path.join(DATA, name), 'utf8'));
const polygons = (g: Geometry): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];

/** Draws blocks (fill + thin border), communities (medium), townships (thick) and key assets. */
function drawMap(r: Raster, blocks: Feature<Geometry, Record<string, unknown>>[], scale: number): void {
  const communities = read('communities.geojson').features;
  const townships = read('townships.geojson').features;
  const assets = read('assets.geojson').features;
  const shade = new Map(communities.map((c, i) => [c.properties.code, 0.82 + 0.06 * (i % 4)]));
  for (const b of blocks) {
    const base = STYLE[String(b.properties.township_code)].color;
    const k = shade.get(b.properties.community_code) ?? 1;
    for (const p of polygons(b.geometry))
      r.fillPolygon(p, base.map((v) => Math.min(255, Math.round(v * k))) as unknown as Rgb);
  }
  for (const b of blocks)
    for (const p of polygons(b.geometry)) for (const ring of p) r.strokeLine(ring, [255, 255, 255], 1);
  for (const c of communities)
    for (const p of polygons(c.geometry)) for (const ring of p) r.strokeLine(ring, [90, 90, 90], scale);
  for (const t of townships)
    for (const p of polygons(t.geometry)) for (const ring of p) r.strokeLine(ring, [0, 0, 0], 2 + scale);
  for (const a of assets) {
    if (a.geometry.type === 'LineString') r.strokeLine(a.geometry.coordinates, [0, 90, 0], 1 + scale);
    if (a.geometry.type === 'Point' && a.properties.approximate)
      r.marker(a.geometry.coordinates, [0, 0, 0], 3 + 2 * scale);
  }
}

function main(): void {
  const blocks = read('blocks.geojson').features;
  const canvas = new Raster(1800, 1200, [0, 0, 1, 1], [250, 250, 248]);
  const map = new Raster(1180, 1180, [112.642, 27.796, 113.008, 28.08], [250, 250, 248], 10);
  drawMap(map, blocks, 1);
  canvas.blit(map, 10, 10);
  const insetBox: [number, number, number, number] = [112.862, 27.842, 112.962, 27.906];
  const inset = new Raster(580, 520, insetBox, [250, 250, 248], 6);
  drawMap(inset, blocks, 1);
  canvas.rect(1208, 658, 584, 524, [0, 0, 0]);
  canvas.blit(inset, 1210, 660);
  // Mark the inset area on the main map.
  const corners = [
    [insetBox[0], insetBox[1]],
    [insetBox[2], insetBox[1]],
    [insetBox[2], insetBox[3]],
    [insetBox[0], insetBox[3]],
  ];
  const [x0, y0] = map.project(corners[3]);
  const [x1, y1] = map.project(corners[1]);
  for (const [x, y, w, h] of [
    [x0, y0, x1 - x0, 2],
    [x0, y1, x1 - x0, 2],
    [x0, y0, 2, y1 - y0],
    [x1, y0, 2, y1 - y0],
  ]) {
    canvas.rect(10 + Math.round(x), 10 + Math.round(y), Math.round(w), Math.round(h), [20, 20, 20]);
  }
  let y = 24;
  canvas.text('YUHU DISTRICT 430302, XIANGTAN', 1210, y, 3, [0, 0, 0]);
  y += 30;
  canvas.text(`${blocks.length} BLOCKS BY TOWNSHIP (SYNTHETIC)`, 1210, y, 2, [0, 0, 0]);
  y += 20;
  canvas.text('REAL DISTRICT BOUNDARY, WGS84', 1210, y, 2, [60, 60, 60]);
  y += 30;
  const townships = read('townships.geojson').features;
  for (const t of townships) {
    const style = STYLE[String(t.properties.code)];
    canvas.rect(1210, y, 26, 18, [0, 0, 0]);
    canvas.rect(1212, y + 2, 22, 14, style.color);
    const label = `${style.label} ${t.properties.blocks} BLOCKS, ${Math.round(Number(t.properties.population_est) / 1000)}K`;
    canvas.text(label, 1246, y + 2, 2, [0, 0, 0]);
    y += 26;
  }
  y += 8;
  canvas.text('THICK: TOWNSHIP  MEDIUM: COMMUNITY  WHITE: BLOCK', 1210, y, 2, [40, 40, 40]);
  y += 20;
  canvas.text('GREEN LOOP: BAISHI PARK HEALTH PATH 1.7 KM', 1210, y, 2, [0, 90, 0]);
  y += 20;
  canvas.text('BLACK SQUARES: APPROXIMATE REAL PLACES', 1210, y, 2, [40, 40, 40]);
  canvas.text('INSET: OLD TOWN ALONG THE XIANG RIVER', 1212, 640, 2, [0, 0, 0]);
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, encodePng(canvas.width, canvas.height, canvas.rgb));
  console.log(`wrote ${OUT}`);
}

main();
