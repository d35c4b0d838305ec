/**
 * Provenance at the number: a small badge after a key figure saying what kind of number it is
 * (waargenomen / afgeleid / gemodelleerd / aanname), with its source shown on hover and on keyboard
 * focus, and a legend explaining the four kinds. All text is set with textContent.
 */

export type Kind = "waargenomen" | "afgeleid" | "gemodelleerd" | "aanname";

export const KINDS: Record<Kind, {short: string; explanation: string}> = {
  waargenomen: {short: "W", explanation: "waargenomen: gemeten en gepubliceerd door de bron"},
  afgeleid: {short: "A", explanation: "afgeleid: berekend uit waarnemingen (optellen, delen, per jaar)"},
  gemodelleerd: {short: "M", explanation: "gemodelleerd: uitkomst van het ketenmodel, geen feit"},
  aanname: {short: "Aa", explanation: "aanname: een waarde die wij aannemen, met onderbouwing"}
};

let counter = 0;

/** The badge after a number: a short letter, the kind and source on hover and focus. */
export function kindBadge(kind: Kind, source: string): HTMLElement {
  const id = `kind-tip-${++counter}`;
  const badge = document.createElement("span");
  badge.className = `kind kind-${kind}`;
  badge.tabIndex = 0;
  badge.dataset.kind = kind;
  badge.setAttribute("aria-describedby", id);
  const mark = document.createElement("span");
  mark.setAttribute("aria-hidden", "true");
  mark.textContent = KINDS[kind].short;
  const label = document.createElement("span");
  label.className = "sr-only";
  label.textContent = kind;
  const tip = document.createElement("span");
  tip.className = "kind-tip";
  tip.id = id;
  tip.setAttribute("role", "tooltip");
  tip.textContent = `${KINDS[kind].explanation}. Bron: ${source}`;
  badge.append(mark, label, tip);
  return badge;
}

/** The legend of the badges, for the top or foot of a page. */
export function kindLegend(): HTMLElement {
  const root = document.createElement("p");
  root.className = "kind-legend";
  root.append("Soort cijfer: ");
  (Object.keys(KINDS) as Kind[]).forEach((kind, i) => {
    const item = document.createElement("span");
    const mark = document.createElement("span");
    mark.className = `kind kind-${kind}`;
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = KINDS[kind].short;
    item.append(mark, ` ${KINDS[kind].explanation}`);
    root.append(item);
    if (i < 3) root.append("; ");
  });
  root.append(". Ga met de muis of de tab-toets op een letter staan voor de bron.");
  return root;
}
