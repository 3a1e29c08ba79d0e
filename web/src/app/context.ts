// What every mode gets from the shell: the store, the map with its display CRS, and the shared data.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Assets, Blocks, Communities, Townships } from '../api/schemas';
import type { AppConfig } from '../config';
import type { DisplayCrs } from '../map/display-crs';
import type { Store } from '../state/store';
import type { Shell } from '../ui/shell';

/** Geography loaded once per page; blocks are fetched on first need (search, GCJ display). */
export interface SharedData {
  townships: Townships;
  communities: Communities;
  assets: Promise<Assets>;
  blocks(): Promise<Blocks>;
}

export interface AppContext {
  config: AppConfig;
  store: Store;
  shell: Shell;
  map: MapLibreMap;
  display: DisplayCrs;
  data: SharedData;
}

/** A mode of the app: resident, and the staff modes dispatcher, cadre, department and planner. */
export interface ModeDefinition {
  available: boolean;
  /** Starts the mode; returns a function that stops it (removes its listeners and panels). */
  mount?: (ctx: AppContext) => () => void;
}
