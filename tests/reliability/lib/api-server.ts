// Child-process entry of the reliability test: the local API server (same app as `npm start`),
// configured from the environment, so the test can kill it and start a fresh process.
import { join } from 'node:path';
import { createApp } from '../../../functions/app.js';
import { loadConfig } from '../../../functions/config.js';
import { startLocalServer } from '../../../functions/local/server.js';
import { buildRuntime } from '../../../functions/runtime.js';
import { createFsArtifactStore } from '../../../functions/store/artifacts.js';

const config = loadConfig(process.env);
// The locate grid the test seeded lives on disk, as with `npm start`; a restart reads it, not rebuilds it.
const runtime = buildRuntime(config, {
  artifacts: createFsArtifactStore(join(config.DATA_DIR, 'artifacts')),
});
const { url } = await startLocalServer({ app: createApp(runtime.services), port: config.PORT });
process.stdout.write(`READY ${url}\n`);

// The parent holds our stdin open: when it goes away (even killed), we go too — no orphan servers.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
