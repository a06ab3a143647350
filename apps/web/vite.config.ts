import { defineConfig } from 'vite';

// No React plugin: esbuild compiles TSX on its own, and the build stays one fast step
// (make test builds this on 2 cores). The dev server proxies the API to `make up`'s server.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    rollupOptions: {
      // Libraries mark React Server Components with "use client"; meaningless in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(['/trpc', '/auth', '/invite', '/healthz'].map((path) => [path, 'http://localhost:3000'])),
  },
});
