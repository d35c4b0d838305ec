/** What a measure's card says: switch state, start month, effect met/zonder, retrospective, the active-measures line. */
import {beforeAll, describe, expect, it} from "vitest";
import {loadModelInputs} from "../../loaders/model-inputs.js";
import {activeText, cardEffect, checkedStart, earliestStart, isSwitched, offeredStart, retrospectiveText, signedText, switchState, targetLabel} from "../../src/explorer/pages/measure-cards.js";
import {maatregelenView} from "../../src/explorer/pages/maatregelen.js";
import {measureEffect} from "../../src/model/measure-effect.js";
import {OUTCOME_IDS, OUTCOMES} from "../../src/model/outcomes.js";
import {originOf} from "../../src/model/prepare.js";
import {addMonths} from "../../src/model/months.js";
import {formatCount} from "../../src/components/format.js";
import type {Measure, ModelInputs, Scenario} from "../../src/model/types.js";

let inputs: ModelInputs;
const basis: Scenario = {preset: "ongewijzigd", overrides: {}, measures: []};
const quantified = () => inputs.measures.filter((m) => m.effects?.length);
const inBaseline = () => quantified().filter((m) => m.inBaseline);
const notInBaseline = () => quantified().filter((m) => !m.inBaseline);
beforeAll(async () => {
  inputs = await loadModelInputs();
});

describe("switch state", () => {
  it("a baseline measure is on unless switched off; another is available until switched on; unquantified has none", () => {
    const b = inBaseline()[0]!;
    const o = notInBaseline()[0]!;
    const u = inputs.measures.find((m) => !m.effects?.length)!;
    expect(switchState(b, basis)).toEqual({kind: "baseline-on"});
    expect(switchState(b, {...basis, off: [b.id]})).toEqual({kind: "baseline-off"});
    expect(switchState(o, basis)).toEqual({kind: "available"});
    expect(switchState(o, {...basis, measures: [{id: o.id, start: "2026-01", strength: 1.5, end: "2026-12"}]})).toEqual({kind: "on", start: "2026-01", strength: 1.5, end: "2026-12"});
    expect(switchState(u, basis)).toEqual({kind: "none"});
    expect(isSwitched(b, basis)).toBe(false);
    expect(isSwitched(b, {...basis, off: [b.id]})).toBe(true);
    expect(isSwitched(o, {...basis, measures: [{id: o.id, start: "2026-01", strength: 1}]})).toBe(true);
  });
});

describe("start month offered by 'aanzetten'", () => {
  it("is the default start, at the earliest the month after the forecast origin", () => {
    const min = earliestStart(basis, inputs);
    expect(min).toBe(addMonths(originOf(basis, inputs), 1));
    const early: Measure = {...notInBaseline()[0]!, defaultStart: "2019-01"};
    const late: Measure = {...notInBaseline()[0]!, defaultStart: "2027-03"};
    const none: Measure = {...notInBaseline()[0]!};
    delete none.defaultStart;
    expect(offeredStart(early, basis, inputs)).toBe(min);
    expect(offeredStart(late, basis, inputs)).toBe("2027-03");
    expect(offeredStart(none, basis, inputs)).toBe(min);
  });

  it("a typed month before the origin, or a malformed one, becomes the earliest month with a Dutch note", () => {
    expect(checkedStart("2026-04", "2025-10")).toEqual({start: "2026-04", note: null});
    const early = checkedStart("2024-01", "2025-10");
    expect(early.start).toBe("2025-10");
    expect(early.note).toMatch(/niet vóór het startpunt.*oktober 2025/);
    const bad = checkedStart("2025-13", "2025-10");
    expect(bad.start).toBe("2025-10");
    expect(bad.note).toMatch(/Geen geldige maand/);
    expect(checkedStart("", "2025-10").start).toBe("2025-10");
  });
});

describe("signed differences in Dutch", () => {
  it("signs counts and euros, shows noise as 0 and a missing value as n.v.t.", () => {
    expect(signedText(1234.4, "personen")).toBe("+1.234");
    expect(signedText(-1234.4, "zaken")).toBe("−1.234");
    expect(signedText(-12.5e6, "euro")).toBe("−€\u00a012,5 mln");
    expect(signedText(2.7e9, "euro")).toBe("+€\u00a02,7 mld");
    expect(signedText(0.2, "personen")).toBe("0");
    expect(signedText(-20_000, "euro")).toBe("€\u00a00");
    expect(signedText(Number.NaN, "personen")).toBe("n.v.t.");
  });
});

describe("effect on the card", () => {
  it("met − zonder is the model's forward effect on every key outcome, for each quantified measure", () => {
    for (const m of quantified()) {
      const scenario = m.inBaseline ? {...basis, off: [m.id]} : basis;
      const card = cardEffect(scenario, inputs, m.id);
      const model = measureEffect(scenario, inputs, m.id);
      expect(card.rows.map((r) => r.id)).toEqual([...OUTCOME_IDS]);
      for (const r of card.rows) {
        expect(r.value, `${m.id} ${r.id}`).toBe(model.forward[r.id as keyof typeof model.forward]);
        expect(r.label).toBe(OUTCOMES[r.id as keyof typeof OUTCOMES].name);
        expect(r.delta).toBe(signedText(r.value, OUTCOMES[r.id as keyof typeof OUTCOMES].unit));
        expect(r.with).not.toMatch(/NaN|undefined/);
      }
      expect(card.active).toBe(model.active);
      expect(card.retrospective === null).toBe(model.retrospective === null);
      if (model.retrospective) {
        expect(card.retrospective).toContain("de waargenomen cijfers blijven staan");
        const coa = model.retrospective.atOrigin.coa_total ?? 0;
        if (Math.abs(coa) >= 0.5) expect(card.retrospective).toContain(`${formatCount(Math.abs(coa))} ${coa < 0 ? "hoger" : "lager"}`);
      }
    }
  });

  it("a baseline measure switched off shows its effect 'zoals in de basislijn'; a measure switched on 'zoals ingesteld'", () => {
    const b = inBaseline().find((m) => {
      const e = measureEffect({...basis, off: [m.id]}, inputs, m.id);
      return OUTCOME_IDS.some((o) => Math.abs(e.forward[o]) > 1);
    });
    if (b) expect(cardEffect({...basis, off: [b.id]}, inputs, b.id).note).toMatch(/zoals in de basislijn/);
    const o = notInBaseline().at(-1)!;
    const on = cardEffect({...basis, measures: [{id: o.id, start: "2026-01", strength: 1}]}, inputs, o.id);
    expect(on.active).toBe(true);
    if (!/kernuitkomsten niet/.test(on.note)) expect(on.note).toMatch(/zoals ingesteld \(vanaf januari 2026, sterkte 1,0\)/);
  });

  it("shows each documented target with the model's change and whether the direction is the documented one", () => {
    for (const m of quantified().filter((x) => x.targets?.length)) {
      const scenario = m.inBaseline ? {...basis, off: [m.id]} : basis;
      const card = cardEffect(scenario, inputs, m.id);
      const model = measureEffect(scenario, inputs, m.id);
      expect(card.targets.map((t) => t.output)).toEqual(m.targets!.map((t) => t.output));
      card.targets.forEach((t, i) => {
        expect(t.met).toBe(model.targets[i]!.met);
        expect(t.expected).toBe(m.targets![i]!.sign < 0 ? "lager" : "hoger");
        expect(t.delta).toBe(signedText(model.targets[i]!.change, targetLabel(t.output).unit));
        expect(t.label).not.toMatch(/_/);
      });
    }
  });

  it("names target outputs in Dutch", () => {
    expect(targetLabel("nareis_2026")).toEqual({label: OUTCOMES.nareis_2026.name, unit: "personen"});
    expect(targetLabel("nareis_arrivals:2028")).toEqual({label: "aankomsten nareizigers in 2028", unit: "personen"});
    expect(targetLabel("capacity_shortage@2026-12")).toEqual({label: "tekort aan plekken eind december 2026", unit: "personen"});
    expect(targetLabel("dwangsom_eur:2026")).toEqual({label: "dwangsommen in 2026", unit: "euro"});
    expect(targetLabel("retro:coa_permit_waiting").label).toBe("vergunninghouders wachtend op woning: grootste verschil tijdens de looptijd (terugblik)");
  });

  it("the retrospective says how much higher or lower the COA occupancy would have been without the measure", () => {
    const t = retrospectiveText("2025-09", {coa_total: -8500, coa_permit_waiting: -8500, capacity_shortage: 0.1});
    expect(t).toContain("zonder deze maatregel was de COA-bezetting eind september 2025 naar schatting 8.500 hoger; de waargenomen cijfers blijven staan.");
    expect(t).toContain("het aantal vergunninghouders in de opvang dat op een woning wacht 8.500 hoger");
    expect(t).not.toContain("tekort");
    expect(retrospectiveText("2025-09", {coa_total: 120})).toContain("naar schatting 120 lager");
    expect(retrospectiveText("2025-09", {coa_total: 0.1})).toContain("naar schatting vrijwel gelijk");
    // A measure that ran earlier: the largest difference while it ran is named with its month.
    const earlier = retrospectiveText("2025-09", {coa_total: -42}, {coa_total: {value: -533, month: "2024-04"}});
    expect(earlier).toContain("naar schatting 42 hoger; de waargenomen cijfers blijven staan. Het grootste verschil lag eind april 2024: toen was de bezetting zonder deze maatregel naar schatting 533 hoger.");
    expect(retrospectiveText("2025-09", {coa_total: -533}, {coa_total: {value: -533, month: "2025-09"}})).not.toContain("grootste verschil");
  });
});

describe("measures switched on and off, counted apart", () => {
  it("uses singular and plural and names the measures", () => {
    const [a, b] = notInBaseline();
    const base = inBaseline();
    expect(activeText(basis, inputs.measures)).toMatch(/nog geen maatregel/);
    expect(activeText({...basis, measures: [{id: a!.id, start: "2026-01", strength: 1}]}, inputs.measures)).toBe(`1 maatregel staat aan (${a!.name}).`);
    expect(activeText({...basis, measures: [{id: a!.id, start: "2026-01", strength: 1}, {id: b!.id, start: "2026-01", strength: 1}]}, inputs.measures)).toBe(`2 maatregelen staan aan (${a!.name}; ${b!.name}).`);
    expect(activeText({...basis, off: [base[0]!.id]}, inputs.measures)).toBe(`1 maatregel in de basislijn staat uit (${base[0]!.name}).`);
    const twoOff = {...basis, off: ["p", "q"]};
    expect(activeText(twoOff)).toBe("2 maatregelen in de basislijn staan uit.");
    expect(activeText({...twoOff, measures: [{id: "r", start: "2026-01", strength: 1}]})).toBe("1 maatregel staat aan en 2 maatregelen in de basislijn staan uit.");
  });
});

describe("page header", () => {
  it("counts every status and says where measures come from", () => {
    const v = maatregelenView(inputs);
    for (const s of ["adopted", "passed_house", "proposed", "draft"] as const) {
      const n = inputs.measures.filter((m) => m.status === s).length;
      if (n) expect(v.statusText).toMatch(new RegExp(`${formatCount(n)} (vastgesteld|aangenomen door de Tweede Kamer|voorgenomen|concept)`));
    }
    expect(v.originText).toMatch(/uit de vijf brieven waarop deze verkenner rust/);
    expect(v.inBaseline).toBe(formatCount(inBaseline().length));
  });
});
