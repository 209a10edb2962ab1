import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = fileURLToPath(new URL("./src", import.meta.url));
// `server-only` throws outside Next's server bundle; in tests it is the empty module it is there.
const serverOnly = fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url));

const shared = {
  resolve: { alias: { "~": src, "server-only": serverOnly } },
};

export default defineConfig({
  ...shared,
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          include: ["src/**/*.test.{ts,tsx}", "apps/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        ...shared,
        test: {
          name: "integration",
          include: [
            "src/**/*.int.test.ts",
            "apps/**/*.int.test.ts",
            "scripts/**/*.int.test.ts",
            "test/**/*.int.test.ts",
          ],
          environment: "node",
          globalSetup: ["test/global-setup.ts"],
          setupFiles: ["test/integration-env.ts"],
          // Real brokers and databases: generous timeouts. Files run one at a time because they share
          // one broker, and some assert cluster-wide figures (topic and partition counts).
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // expect.poll waits for an event (a message arriving, a reader stopping); its 1 s default
          // made such waits fail on a loaded machine. A ceiling, not a timing claim.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
