// Builds the web app with Vite when its sources are newer than the last build.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Returns what it did: 'built', 'up-to-date' or 'absent' (no web app in this checkout). */
export function buildWebIfNeeded(webDir = 'web', coreDir = 'core'): 'built' | 'up-to-date' | 'absent' {
  if (!existsSync(join(webDir, 'index.html'))) return 'absent';
  const dist = join(webDir, 'dist', 'index.html');
  const sources = Math.max(newestMtime(webDir), existsSync(coreDir) ? newestMtime(coreDir) : 0);
  if (existsSync(dist) && statSync(dist).mtimeMs >= sources) return 'up-to-date';
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', join(webDir, 'vite.config.ts')],
    {
      stdio: 'inherit',
    },
  );
  return 'built';
}
