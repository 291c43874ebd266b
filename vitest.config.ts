import { defineConfig } from "vitest/config";

// Workspace packages are imported from their TypeScript sources through the `source` condition.
const conditions = ["source", "module", "node", "import", "default"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ["source"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    // Generous: property tests and spawned CLIs share two cores with other work on developer machines.
    testTimeout: 120_000,
  },
});
