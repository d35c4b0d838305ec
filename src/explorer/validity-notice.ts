/**
 * The visible Dutch warning a page shows when its scenario leaves the range on which the model was
 * tested (src/model/validity.ts). Text is set with textContent, never as HTML.
 *
 *   ${validityNotice(validityWarnings(result, inputs, scenario))}
 *
 * Returns an empty (hidden) element when there is nothing to warn about, so a page can always place it.
 */
import {VALIDITY_HEADING} from "../model/validity.js";

export function validityNotice(warnings: readonly string[]): HTMLElement {
  const box = document.createElement("div");
  box.className = "validity-notice";
  box.setAttribute("role", "status");
  if (warnings.length === 0) {
    box.hidden = true;
    return box;
  }
  const heading = document.createElement("strong");
  heading.textContent = `${VALIDITY_HEADING}.`;
  box.append(heading);
  const list = document.createElement("ul");
  for (const warning of warnings) {
    const item = document.createElement("li");
    item.textContent = warning;
    list.append(item);
  }
  box.append(list);
  const note = document.createElement("p");
  note.textContent = "Lees de uitkomsten als een verkenning van wat de aannames samen betekenen, niet als verwachting.";
  box.append(note);
  return box;
}
