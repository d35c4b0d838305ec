import {defineConfig} from "vitest/config";
import LongestFirst from "./test/browser/sequencer.js";

export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Files run in parallel (each has its own Chromium); two workers suit the 2-core CI machines.
    fileParallelism: true,
    maxWorkers: 2,
    // Longest files first (test/browser/sequencer.ts), also on a fresh clone without earlier durations.
    sequence: {sequencer: LongestFirst},
    globalSetup: ["test/browser/global-setup.ts"]
  }
});
