// Builds web/dist for the journeys when a web or core source is newer than the last build (and a GCJ-02 variant).
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'dist' || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Runs `vite build` into `outDir` unless it is newer than web/ and core/; `env` adds VITE_* settings.
 * Asynchronous, so the builds overlap with starting and seeding DynamoDB Local.
 */
export async function buildWeb(
  outDir: string,
  env: Record<string, string> = {},
): Promise<'built' | 'up-to-date'> {
  const index = join(outDir, 'index.html');
  const sources = Math.max(newest('web'), newest('core'), statSync('package-lock.json').mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return 'up-to-date';
  await promisify(execFile)(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '--config',
      'web/vite.config.ts',
      '--outDir',
      resolve(outDir),
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { env: { ...process.env, ...env } },
  );
  return 'built';
}
