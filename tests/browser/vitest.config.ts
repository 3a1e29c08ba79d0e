// Browser journeys (npm run test:browser): Debian Chromium drives the built app against a seeded local server.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/setup/server.ts'],
    // One Chromium at a time: the machine has two cores and SwiftShader renders on the CPU.
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
