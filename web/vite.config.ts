import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built with `vite build web` (root = web/); the server serves dist/web at `/`.
// `vite web` runs a dev server that forwards the API to a WAPing on port 3000.
export default defineConfig({
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 800 },
  server: {
    proxy: {
      '/v1': 'http://localhost:3000',
      '/auth': 'http://localhost:3000',
    },
  },
});
