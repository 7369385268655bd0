import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Two entries: the dashboard SPA (index.html) and GraphiQL (graphiql.html, served by the API on
// a browser GET of /graphql). GraphiQL's Monaco workers need ES-module workers.
export default defineConfig({
  plugins: [react()],
  base: '/',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // GraphiQL's React Compiler output carries "use no memo" directives; harmless when bundled.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      input: {
        main: resolve(import.meta.dirname, 'index.html'),
        graphiql: resolve(import.meta.dirname, 'graphiql.html'),
      },
      output: {
        // Stable, readable vendor chunks: React (shared by both entries) and ECharts (chart pages only).
        // Apollo/graphql stay with the app: a shared graphql chunk would drag GraphiQL's half in.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/graphql': 'http://localhost:4100' },
  },
});
