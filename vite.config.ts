import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// Cross-origin isolation lets the page share one SharedArrayBuffer graph with every worker.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [preact()],
  server: { host: '127.0.0.1', port: 5173, headers: isolation },
  preview: { host: '127.0.0.1', port: 4173, headers: isolation },
  worker: { format: 'es' },
  // Datasets are never inlined as data: URLs (the CSP's connect-src allows only 'self').
  build: { target: 'es2022', assetsInlineLimit: 0 },
});
