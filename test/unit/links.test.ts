import {describe, expect, it} from "vitest";
import {carryScenario, isPagePath, scenarioSearch} from "../../src/explorer/links.js";

const S = "?p=ongewijzigd&o=ind_decisions_per_month%3A4050&m=x%7E2025-01%7E1&f=2025-01&v=1.1.0&d=2026-11-22";

describe("scenarioSearch", () => {
  it("keeps the scenario keys in a fixed order and drops everything else", () => {
    expect(scenarioSearch("?zz=1&o=a%3A1&p=mpp&a=ongewijzigd&b=huidig&t=2025-09")).toBe("?p=mpp&o=a%3A1&t=2025-09");
    expect(scenarioSearch("")).toBe("");
    expect(scenarioSearch("?a=1&b=2")).toBe("");
  });
});

describe("carryScenario", () => {
  it("adds the scenario to clean-URL and .html sidebar links, keeping them relative", () => {
    expect(carryScenario("./opvang", "https://site.nl/ind" + S, S)).toBe("./opvang" + S);
    expect(carryScenario("./opvang.html", "https://site.nl/ind.html" + S, S)).toBe("./opvang.html" + S);
    expect(carryScenario("./", "https://site.nl/ind" + S, S)).toBe("./" + S);
  });

  it("works under a subpath and with absolute paths and URLs of the same origin", () => {
    expect(carryScenario("../verkenner/nareis", "https://host.nl/verkenner/ind" + S, S)).toBe("../verkenner/nareis" + S);
    expect(carryScenario("/verkenner/nareis.html#piek", "https://host.nl/verkenner/ind.html", S)).toBe("/verkenner/nareis.html" + S + "#piek");
    expect(carryScenario("https://host.nl/verkenner/opvang", "https://host.nl/verkenner/", S)).toBe("https://host.nl/verkenner/opvang" + S);
  });

  it("replaces an older scenario on a link but leaves a comparison pair alone", () => {
    expect(carryScenario("./ind?p=mpp-2023-max", "https://site.nl/", S)).toBe("./ind" + S);
    expect(carryScenario("./vergelijken?a=ongewijzigd&b=huidig", "https://site.nl/", S)).toBeNull();
  });

  it("leaves other origins, assets, downloads and same-page anchors alone", () => {
    expect(carryScenario("https://www.ind.nl/cijfers", "https://site.nl/ind", S)).toBeNull();
    expect(carryScenario("./_file/data/x.csv", "https://site.nl/ind", S)).toBeNull();
    expect(carryScenario("./_observablehq/search.js", "https://site.nl/ind", S)).toBeNull();
    expect(carryScenario("./data/model-inputs.json", "https://site.nl/ind", S)).toBeNull();
    expect(carryScenario("#kerncijfers", "https://site.nl/ind", S)).toBeNull();
    expect(carryScenario("mailto:a@b.nl", "https://site.nl/ind", S)).toBeNull();
  });

  it("strips a comparison pair from the carried search", () => {
    expect(carryScenario("./ind", "https://site.nl/vergelijken", "?a=x&b=y&p=mpp")).toBe("./ind?p=mpp");
  });

  it("with no scenario in the URL, a link stays plain", () => {
    expect(carryScenario("./ind", "https://site.nl/", "")).toBe("./ind");
  });
});

describe("isPagePath", () => {
  it("accepts page paths and rejects files", () => {
    expect(isPagePath("/ind")).toBe(true);
    expect(isPagePath("/sub/ind.html")).toBe(true);
    expect(isPagePath("/")).toBe(true);
    expect(isPagePath("/_npm/x.js")).toBe(false);
    expect(isPagePath("/data/a.json")).toBe(false);
  });
});
