import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * One origin for the browser: every API prefix is proxied to the service that owns it, so the
 * web needs no CORS and page routes (/, /me, /studio, /backoffice) never collide with the APIs.
 * Targets follow env vars so tests can run the services on other ports.
 */
function apiProxy(): Record<string, ProxyOptions> {
  const user = process.env.USER_SERVICE_URL ?? 'http://127.0.0.1:3001';
  const business = process.env.BUSINESS_SERVICE_URL ?? 'http://127.0.0.1:3002';
  const admin = process.env.ADMIN_SERVICE_URL ?? 'http://127.0.0.1:3003';
  // Anchored on a path segment so a page such as /administer would not be swallowed by /admin.
  const to = (target: string): ProxyOptions => ({ target, changeOrigin: false, xfwd: true });
  return {
    '^/api(/|$)': to(user),
    '^/\\.well-known(/|$)': to(user),
    '^/partner(/|$)': to(business),
    '^/admin(/|$)': to(admin),
  };
}

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    alias: {
      // Workspace library consumed from source (it ships no build); tsconfig paths say the same.
      '@roastery/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)),
    },
  },
  server: { port: 5173, strictPort: true, host: '127.0.0.1', proxy: apiProxy() },
  preview: { port: 5173, strictPort: true, host: '127.0.0.1', proxy: apiProxy() },
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom)\//.test(id)) return 'react';
          if (/node_modules\/(react-bootstrap|@restart|@popperjs|react-transition-group|dom-helpers|@react-aria|bootstrap)\//.test(id)) return 'bootstrap';
          if (/node_modules\/zod\//.test(id)) return 'zod';
          return 'vendor';
        },
      },
    },
  },
});
