/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';

import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// Built into the server's classes, so the jar serves the console at /admin (never committed: server/target).
export default defineConfig({
  base: '/admin/',
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('../../../target/classes/static/admin', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    // TDesign and ECharts are large by nature; they are cached for a year under hashed names.
    chunkSizeWarningLimit: 1600,
    rollupOptions: {
      output: {
        // Large libraries in their own long-cached chunks; ECharts and the editor load only with their pages.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
          if (/node_modules\/(@tiptap|prosemirror-|orderedmap|rope-sequence|w3c-keyname|linkifyjs)/.test(id)) return 'editor';
          if (/node_modules\/(tdesign-|@popperjs|lodash-es|dayjs|tinycolor2|validator|sortablejs|mitt)/.test(id)) return 'tdesign';
          if (/node_modules\/(@vue|vue|vue-router|pinia)\//.test(id)) return 'vue';
          return undefined;
        },
      },
    },
  },
  server: {
    // `npm run dev` against a server started with ./mvnw -pl server spring-boot:test-run
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.spec.ts'],
    setupFiles: ['src/test/setup.ts'],
  },
});
