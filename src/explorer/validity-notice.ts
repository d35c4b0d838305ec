/**
 * The visible Dutch warning a page shows when its scenario leaves the range on which the model was
 * tested (src/model/validity.ts). Text is set with textContent, never as HTML.
 *
 *   ${validityNoticeFor(results.scenario, inputs, scenario)}
 *
 * Returns an empty (hidden) element when there is nothing to warn about, so a page can always place it.
 */
import {VALIDITY_HEADING, validityWarnings} from "../model/validity.js";
import type {ModelInputs, RunOutput, Scenario} from "../model/types.js";

export function validityNotice(warnings: readonly string[]): HTMLElement {
  const box = document.createElement("div");
  box.className = "validity-notice";
  box.setAttribute("role", "status");
  // CSSOM styles (allowed under the site's CSP), so the notice needs no stylesheet change
  Object.assign(box.style, {borderLeft: "4px solid #b3261e", background: "#fdecea", padding: "0.5rem 1rem", margin: "1rem 0", maxWidth: "640px"});
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

/** The notice for a run of `scenario` (src/model/validity.ts decides what is outside the tested range). */
export function validityNoticeFor(run: RunOutput, inputs: ModelInputs, scenario: Scenario): HTMLElement {
  return validityNotice(validityWarnings(run, inputs, scenario));
}
