/**
 * A plain HTML table of the provincial allocation (for screen readers and for reading the map's numbers),
 * with a caption. Cells are set as text only.
 */
export interface TableColumn<T> {
  header: string;
  value: (row: T) => string;
  /** Right-align numbers (default true except the first column). */
  numeric?: boolean;
}

export function plainTable<T>(rows: readonly T[], columns: readonly TableColumn<T>[], caption: string): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "province-table";
  // The wrapper can scroll horizontally on narrow screens; it is focusable so keyboard users can scroll it.
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", caption);
  wrap.style.overflowX = "auto";
  const table = document.createElement("table");
  const cap = document.createElement("caption");
  cap.textContent = caption;
  cap.style.textAlign = "left";
  cap.style.captionSide = "bottom";
  cap.style.fontSize = "0.8rem";
  table.append(cap);
  const head = document.createElement("thead");
  const hr = document.createElement("tr");
  columns.forEach((c, i) => {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = c.header;
    if (c.numeric ?? i > 0) th.style.textAlign = "right";
    hr.append(th);
  });
  head.append(hr);
  const body = document.createElement("tbody");
  for (const row of rows) {
    const tr = document.createElement("tr");
    columns.forEach((c, i) => {
      const cell = document.createElement(i === 0 ? "th" : "td");
      if (i === 0) (cell as HTMLTableCellElement).scope = "row";
      cell.textContent = c.value(row);
      if (c.numeric ?? i > 0) {
        cell.style.textAlign = "right";
        cell.style.fontVariantNumeric = "tabular-nums";
      }
      tr.append(cell);
    });
    body.append(tr);
  }
  table.append(head, body);
  wrap.append(table);
  return wrap;
}
