import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = import.meta.dirname;
const apiServer = 'http://127.0.0.1:8080';

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: resolve(webRoot, 'dist'),
    emptyOutDir: true,
    // The server's Content-Security-Policy forbids inline scripts; the polyfill would be one.
    modulePreload: { polyfill: false },
    // Inlined assets would become data: URLs that the CSP may refuse; always emit files.
    assetsInlineLimit: 0,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Few, cacheable requests on slow links: libraries in one chunk, shared app code in another,
        // and one chunk per lazily loaded page.
        codeSplitting: {
          groups: [
            // OpenPGP stays out of the shared chunk: only the pages that encrypt or decrypt load it.
            { name: 'vendor', test: /node_modules[\\/](?!openpgp[\\/])/ },
            { name: 'shared', test: /\/web\/src\/(api|app|i18n\/[a-z]+\.ts|lib|ui)\// },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': apiServer,
      '/healthz': apiServer,
      '/readyz': apiServer,
    },
  },
});
