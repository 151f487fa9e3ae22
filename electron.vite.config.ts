import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // Loaded by main with new Worker(new URL('./analysisWorker.js', import.meta.url)).
          analysisWorker: resolve(
            __dirname,
            'src/main/services/label/demos/audio/analysisWorker.ts',
          ),
          // Loaded by the CSV import with new URL('./csvImportWorker.js', import.meta.url).
          csvImportWorker: resolve(__dirname, 'src/main/services/interchange/csvImportWorker.ts'),
          // The browser mode and the team server run from these under plain Node (npm run serve,
          // npm run server): no TypeScript loader in the request path.
          webHost: resolve(__dirname, 'src/main/host/cli.ts'),
          teamServer: resolve(__dirname, 'src/main/team/cli.ts'),
        },
        // Shared code stays beside the entries, so a worker's `new URL('./x.js', import.meta.url)`
        // finds it from whichever file the code ends up in.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot load ES modules: it must be one CommonJS file.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
