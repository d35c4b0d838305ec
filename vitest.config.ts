import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts", "test/property/**/*.test.ts"],
    environment: "node",
    // vitest's default leaves a core free (1 worker on the 2-core CI machines); the unit and property
    // files are independent and CPU-bound, so both cores (81 s → 63 s here). With both cores busy a
    // property test can pass 5 s (one took 6,5 s on a loaded machine): a limit that flags hangs, not load.
    maxWorkers: 2,
    testTimeout: 30_000
  }
});
