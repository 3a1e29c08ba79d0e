// Vite build of the resident web app: sources in web/, output in web/dist, syntax for WeChat's in-app browser.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  envDir: root,
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // MapLibre 6 itself uses BigInt literals (ES2020, Safari 14) and needs WebGL2; the app code is lowered to match.
    target: ['es2020', 'safari14'],
    // maplibre-gl is one large module; the app is split from it so an app change re-downloads little.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks: (id: string) => (id.includes('node_modules/maplibre-gl') ? 'maplibre' : undefined),
        // The MapLibre worker is emitted as an asset: give it a .js name, which every static host serves as
        // JavaScript (.mjs is often served as text/plain, and workers then fail to start).
        assetFileNames: (asset: { names?: string[] }) =>
          asset.names?.some((n) => n.endsWith('.mjs'))
            ? 'assets/[name]-[hash].js'
            : 'assets/[name]-[hash][extname]',
      },
    },
  },
  // MapLibre's worker fails to load when Vite pre-bundles the package in dev.
  optimizeDeps: { exclude: ['maplibre-gl'] },
  server: {
    // `npx vite --config web/vite.config.ts` with the API running (`npm start`) on port 3000.
    proxy: { '/api': process.env.YUHU_API_ORIGIN ?? 'http://127.0.0.1:3000' },
  },
});
