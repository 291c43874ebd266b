import { defaultClientConditions, defineConfig } from "vite";

// The workspace packages export their TypeScript sources under the `source` condition, so the
// playground bundles the same code the tests run, with no build step for the packages.
export default defineConfig({
  // Relative asset paths: the built site works from any folder of any static host.
  base: "./",
  resolve: { conditions: ["source", ...defaultClientConditions] },
  worker: { format: "es" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 5000,
  },
  server: { host: "127.0.0.1" },
});
