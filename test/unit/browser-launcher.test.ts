import {describe, expect, test} from "vitest";
import {chromiumPath, FULL_CHROMIUM_PATH, HEADLESS_SHELL_PATH} from "../../scripts/browser.js";

describe("which Chromium the tests launch", () => {
  test("$CHROMIUM_PATH wins", () => {
    expect(chromiumPath({CHROMIUM_PATH: "/opt/c/chrome"}, () => true)).toBe("/opt/c/chrome");
  });
  test("the headless shell when installed, else the full Chromium", () => {
    expect(chromiumPath({}, (p) => p === HEADLESS_SHELL_PATH)).toBe(HEADLESS_SHELL_PATH);
    expect(chromiumPath({}, () => false)).toBe(FULL_CHROMIUM_PATH);
  });
});
