// Shared benchmark helpers: machine/date header, timing, number formatting, a plain-text table.
import os from 'node:os';

/** Header lines naming the machine and the date, printed first by every benchmark. */
export function machineHeader(title: string): string {
  const cpus = os.cpus();
  return [
    `# ${title}`,
    `date:    ${new Date().toISOString()}`,
    `machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${os.platform()} ${os.release()}, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `node:    ${process.version} (one thread), load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  ].join('\n');
}

/** Milliseconds taken by `fn`, and its result. */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = fn();
  return { ms: performance.now() - t, value };
}

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** 12345678 -> "12.35 M", 4321 -> "4.32 k". */
export function si(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)} M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(2)} k`;
  return n.toFixed(2);
}

/** A left-aligned plain-text table with a header rule. */
export function table(head: string[], rows: string[][]): string {
  const w = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r
      .map((v, c) => v.padEnd(w[c]))
      .join('  ')
      .trimEnd();
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}
