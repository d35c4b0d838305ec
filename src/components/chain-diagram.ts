/**
 * The chain at a glance: instroom → IND → COA → uitstroom, with nareis looping back into inflow. Each
 * stage shows its key numbers; the binding bottleneck is highlighted. Plain HTML (readable by screen
 * readers, printable); all text is set with textContent.
 */

export interface ChainStage {
  id: "instroom" | "ind" | "opvang" | "uitstroom";
  title: string;
  href: string;
  /** `figure`: the key figure's stable key ("ind_backlog@2025"), set as data-figure for tests. */
  lines: {label: string; value: string; figure?: string}[];
}

export interface ChainDiagramData {
  stages: ChainStage[];
  nareis: {label: string; value: string; href: string};
  bottleneck: ChainStage["id"] | "geen";
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, content?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (content != null) node.textContent = content;
  return node;
}

/** Draws the chain as four linked boxes and a nareis loop. */
export function chainDiagram(data: ChainDiagramData, {width}: {width: number}): HTMLElement {
  const root = el("div", "chain");
  root.setAttribute("role", "group");
  root.setAttribute("aria-label", "De asielketen in één oogopslag");
  root.style.setProperty("--chain-direction", width < 640 ? "column" : "row");
  const row = el("div", "chain-row");
  data.stages.forEach((stage, i) => {
    if (i > 0) row.append(el("div", "chain-arrow", width < 640 ? "↓" : "→"));
    const box = el("a", `chain-stage${data.bottleneck === stage.id ? " chain-bottleneck" : ""}`);
    box.href = stage.href;
    box.dataset.stage = stage.id;
    box.append(el("strong", undefined, stage.title));
    if (data.bottleneck === stage.id) box.append(el("span", "chain-flag", "knelpunt"));
    const list = el("dl");
    for (const line of stage.lines) {
      const dd = el("dd", "kerncijfer", line.value);
      if (line.figure) dd.dataset.figure = line.figure;
      list.append(el("dt", undefined, line.label), dd);
    }
    box.append(list);
    row.append(box);
  });
  root.append(row);
  const loop = el("a", "chain-loop");
  loop.href = data.nareis.href;
  loop.append(el("span", undefined, "↺ nareis terug naar instroom: "), el("span", "kerncijfer", `${data.nareis.label} ${data.nareis.value}`));
  root.append(loop);
  return root;
}
