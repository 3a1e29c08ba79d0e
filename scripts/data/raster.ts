// A tiny RGB canvas for the overview PNG: even-odd polygon fill, thick strokes, boxes and 5×7 text.
import { drawText } from './font';

export type Rgb = readonly [number, number, number];

/** Row-major RGB pixel buffer with a lon/lat → pixel projection fitted to a bounding box. */
export class Raster {
  readonly rgb: Uint8Array;
  private readonly scale: number;

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly bbox: readonly [number, number, number, number],
    background: Rgb = [255, 255, 255],
    private readonly margin = 20,
  ) {
    this.rgb = new Uint8Array(width * height * 3);
    for (let i = 0; i < width * height; i++) this.rgb.set(background, i * 3);
    // Equirectangular with a cos(latitude) aspect correction, fitted inside the margins.
    const midLat = ((bbox[1] + bbox[3]) / 2) * (Math.PI / 180);
    const spanX = (bbox[2] - bbox[0]) * Math.cos(midLat);
    const spanY = bbox[3] - bbox[1];
    this.scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
    this.kx = this.scale * Math.cos(midLat);
  }

  private readonly kx: number;

  /** Projects [lon, lat] to pixel [x, y] (y down). */
  project(p: readonly number[]): [number, number] {
    return [this.margin + (p[0] - this.bbox[0]) * this.kx, this.margin + (this.bbox[3] - p[1]) * this.scale];
  }

  setPixel(x: number, y: number, color: Rgb): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    this.rgb.set(color, (y * this.width + x) * 3);
  }

  /** Fills a polygon (rings in lon/lat) with the even-odd rule, sampling pixel centres. */
  fillPolygon(rings: readonly (readonly number[])[][], color: Rgb): void {
    const px = rings.map((ring) => ring.map((p) => this.project(p)));
    let minY = Number.POSITIVE_INFINITY;
    let maxY = Number.NEGATIVE_INFINITY;
    for (const ring of px) for (const [, y] of ring) [minY, maxY] = [Math.min(minY, y), Math.max(maxY, y)];
    for (let y = Math.max(0, Math.floor(minY)); y <= Math.min(this.height - 1, Math.ceil(maxY)); y++) {
      const cy = y + 0.5;
      const xs: number[] = [];
      for (const ring of px) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [x1, y1] = ring[i];
          const [x2, y2] = ring[i + 1];
          if (y1 <= cy !== y2 <= cy) xs.push(x1 + ((cy - y1) / (y2 - y1)) * (x2 - x1));
        }
      }
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        for (
          let x = Math.max(0, Math.ceil(xs[k] - 0.5));
          x <= Math.min(this.width - 1, xs[k + 1] - 0.5);
          x++
        ) {
          this.setPixel(x, y, color);
        }
      }
    }
  }

  /** Strokes a polyline (lon/lat) with a square brush of the given width in pixels. */
  strokeLine(line: readonly (readonly number[])[], color: Rgb, width = 1): void {
    const half = (width - 1) / 2;
    for (let i = 0; i + 1 < line.length; i++) {
      const [x1, y1] = this.project(line[i]);
      const [x2, y2] = this.project(line[i + 1]);
      const steps = Math.max(1, Math.ceil(Math.max(Math.abs(x2 - x1), Math.abs(y2 - y1)) * 2));
      for (let s = 0; s <= steps; s++) {
        const x = x1 + ((x2 - x1) * s) / steps;
        const y = y1 + ((y2 - y1) * s) / steps;
        for (let dy = Math.round(y - half); dy <= Math.round(y + half); dy++) {
          for (let dx = Math.round(x - half); dx <= Math.round(x + half); dx++) this.setPixel(dx, dy, color);
        }
      }
    }
  }

  /** Draws a filled square marker centred on a lon/lat point. */
  marker(p: readonly number[], color: Rgb, size = 5): void {
    const [x, y] = this.project(p);
    const h = Math.floor(size / 2);
    for (let dy = -h; dy <= h; dy++)
      for (let dx = -h; dx <= h; dx++) this.setPixel(Math.round(x) + dx, Math.round(y) + dy, color);
  }

  /** Fills an axis-aligned pixel rectangle. */
  rect(x: number, y: number, w: number, h: number, color: Rgb): void {
    for (let yy = y; yy < y + h; yy++) for (let xx = x; xx < x + w; xx++) this.setPixel(xx, yy, color);
  }

  /** Draws upper-case text with the 5×7 font; returns its width in pixels. */
  text(value: string, x: number, y: number, scale: number, color: Rgb): number {
    return drawText(value, x, y, scale, (px, py) => this.setPixel(px, py, color));
  }

  /** Copies another raster into this one with its top-left corner at (x, y). */
  blit(other: Raster, x: number, y: number): void {
    for (let yy = 0; yy < other.height; yy++) {
      for (let xx = 0; xx < other.width; xx++) {
        const i = (yy * other.width + xx) * 3;
        this.setPixel(x + xx, y + yy, [other.rgb[i], other.rgb[i + 1], other.rgb[i + 2]]);
      }
    }
  }
}
