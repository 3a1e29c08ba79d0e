// The one shape every geography check reports: which rule broke, on which feature, with its numbers.

/** A broken invariant. `feature` is an id or code (or a file name for collection-wide rules). */
export interface Violation {
  readonly rule: string;
  readonly feature: string;
  readonly message: string;
  readonly numbers?: Readonly<Record<string, number>>;
}

/** Formats a violation as one line: `[rule] feature: message (k=v, ...)`. */
export function formatViolation(v: Violation): string {
  const numbers = v.numbers
    ? ` (${Object.entries(v.numbers)
        .map(([k, n]) => `${k}=${Number.isInteger(n) ? n : n.toPrecision(6)}`)
        .join(', ')})`
    : '';
  return `[${v.rule}] ${v.feature}: ${v.message}${numbers}`;
}
