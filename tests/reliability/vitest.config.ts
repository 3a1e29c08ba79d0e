// Reliability suite (npm run test:reliability): load with store outages and an API restart. Its own
// config: no shared in-memory DynamoDB from the root setup — the suite runs its own engine on disk.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/reliability/**/*.reliability.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    // The whole load with its faults runs in beforeAll; CI must still finish within a few minutes.
    hookTimeout: 300_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
