// Finds the block containing a point (bbox index, then exact test) while generating incidents.
import bbox from '@turf/bbox';
import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import { pointInPolygon } from '../../core/geography/geom';
import type { BlockFeature } from './blocks';

/** Point-to-block lookup over a fixed list of blocks. */
export class BlockLocator {
  private readonly index: Flatbush;

  constructor(private readonly blocks: readonly BlockFeature[]) {
    this.index = new Flatbush(blocks.length);
    for (const b of blocks) {
      const [x0, y0, x1, y1] = bbox(b);
      this.index.add(x0, y0, x1, y1);
    }
    this.index.finish();
  }

  /** The block containing p, or undefined outside the district. */
  locate(p: Position): BlockFeature | undefined {
    for (const i of this.index.search(p[0], p[1], p[0], p[1])) {
      if (pointInPolygon(p, this.blocks[i].geometry)) return this.blocks[i];
    }
    return undefined;
  }
}
