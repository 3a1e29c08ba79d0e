// The registry of modes: resident is built; the staff modes get their own modules in later phases.
import type { Mode } from '../state/store';
import type { ModeDefinition } from './context';
import { mountResidentMode } from './resident-mode';

export const MODE_REGISTRY: Record<Mode, ModeDefinition> = {
  resident: { available: true, mount: mountResidentMode },
  dispatcher: { available: false },
  cadre: { available: false },
  department: { available: false },
  planner: { available: false },
};

export const modeAvailable = (m: Mode) => MODE_REGISTRY[m].available;
