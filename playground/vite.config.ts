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
    // The playground; the Ask page, which loads only the runtime (no Monaco), is built next
    // into the same folder as one self-contained page (vite.ask.config.ts).
    rollupOptions: { input: { main: page("index.html") } },
  },
  server: { host: "127.0.0.1" },
});
