import { fileURLToPath } from "node:url";
import { defaultClientConditions, defineConfig } from "vite";

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

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
    // Two pages: the playground, and the Ask page, which loads only the runtime (no Monaco).
    rollupOptions: {
      input: { main: page("index.html"), ask: page("ask.html") },
      // The code both pages share (the runtime, json-rules-engine, reading links).
      output: { chunkFileNames: "assets/shared-[hash].js" },
    },
  },
  server: { host: "127.0.0.1" },
});
