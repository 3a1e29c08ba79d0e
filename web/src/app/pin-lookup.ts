// Looks up the resident's pin: locate (which block) then the block's detail; one request chain at a time.
import { getBlockDetail, locate } from '../api/client';
import { ApiError } from '../api/http';
import type { BlockDetail } from '../api/schemas';
import type { LonLat } from '../map/display-crs';

export type Lookup =
  | { kind: 'none' }
  | { kind: 'loading'; pin: LonLat }
  | { kind: 'found'; pin: LonLat; detail: BlockDetail }
  | { kind: 'outside'; pin: LonLat; message: string; details: Record<string, unknown> }
  | { kind: 'error'; pin: LonLat; error: ApiError };

/** Runs lookups, cancelling the previous one, and reports every state change. */
export function createPinLookup(onChange: (lookup: Lookup) => void) {
  let controller: AbortController | null = null;
  let current: Lookup = { kind: 'none' };
  const set = (l: Lookup) => {
    current = l;
    onChange(l);
  };
  return {
    get: () => current,
    async run(pin: LonLat | null): Promise<void> {
      controller?.abort();
      if (!pin) return set({ kind: 'none' });
      const mine = new AbortController();
      controller = mine;
      set({ kind: 'loading', pin });
      try {
        const where = await locate(pin[0], pin[1], mine.signal);
        const detail = await getBlockDetail(where.block.id, mine.signal);
        if (!mine.signal.aborted) set({ kind: 'found', pin, detail });
      } catch (err) {
        if (mine.signal.aborted) return;
        const e = err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err));
        if (e.code === 'OUTSIDE_DISTRICT')
          set({ kind: 'outside', pin, message: e.message, details: e.details });
        else set({ kind: 'error', pin, error: e });
      }
    },
  };
}
