import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Files run in parallel (each has its own Chromium); two workers suit the 2-core CI machines.
    fileParallelism: true,
    maxWorkers: 2,
    globalSetup: ["test/browser/global-setup.ts"]
  }
});
