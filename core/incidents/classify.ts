// Suggested class and sensitivity of a new report: the rule a dispatcher may later override.
import { type IncidentCategory, type IncidentClass, incidentCategory } from './categories.js';

/** Categories whose exact location is personal data: shown publicly only as the block (PIPL). */
export const SENSITIVE_CATEGORIES: readonly IncidentCategory[] = ['disputes', 'welfare_help'];

const RANK: Record<IncidentClass, number> = { A: 0, B: 1, C: 2, D: 3 };
const higher = (a: IncidentClass, b: IncidentClass) => (RANK[a] >= RANK[b] ? a : b);

/**
 * The class a report starts in: the category's default, raised to B for serious reports (severity 2)
 * and to D — emergency — for danger to life or property (severity 3, or flooding inside a home).
 */
export function suggestClass(category: IncidentCategory, severity: number, atHome = false): IncidentClass {
  let cls = incidentCategory(category).defaultClass;
  if (severity >= 2) cls = higher(cls, 'B');
  if (severity >= 3 || (category === 'flooding' && atHome)) cls = 'D';
  return cls;
}

/** Whether the exact point of this incident must be hidden from public and Open311 responses. */
export function isSensitive(category: IncidentCategory, atHome: boolean): boolean {
  return atHome || SENSITIVE_CATEGORIES.includes(category);
}
