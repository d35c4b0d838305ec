/**
 * Builds a CSP-safe copy of htl for `dist/_node/htl@<version>/`.
 *
 * htl (used by Inputs: `html\`<th onclick=${fn}>\``) writes a placeholder attribute `onclick="::3"`
 * into the HTML it parses with `template.innerHTML`, and only then replaces it by the `onclick`
 * property. Chromium checks inline event-handler attributes when it *parses* them, even into an
 * inert template, so under a policy without `script-src-attr 'unsafe-inline'` every such Inputs
 * element (the sortable headers of `Inputs.table` on /toekenning, for example) reports a violation.
 * The copy built here names the placeholder `data-htl-onclick="::3"` and strips the prefix where htl
 * assigns the property: same behaviour, no event-handler attribute ever exists.
 *
 * The patch is applied to htl's source (node_modules/htl/src/index.js) as two exact replacements; if
 * a new htl version changes those lines, the build fails here rather than silently shipping the
 * unpatched module.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {transformSync} from "esbuild";

const PLACEHOLDER = `                string += "::" + j;
                nodeFilter |= SHOW_ELEMENT;`;
const PLACEHOLDER_PATCHED = `                if (typeof value === "function") {
                  const at = string.length + attributeNameStart - strings[j - 1].length;
                  string = string.slice(0, at) + "data-htl-" + string.slice(at);
                }
                string += "::" + j;
                nodeFilter |= SHOW_ELEMENT;`;
const ASSIGN = `                node[name] = value;`;
const ASSIGN_PATCHED = `                node[name.replace(/^data-htl-/, "")] = value;`;

function replaceOnce(source: string, from: string, to: string): string {
  const first = source.indexOf(from);
  if (first < 0 || source.indexOf(from, first + 1) >= 0) {
    throw new Error(`htl-csp: the htl source no longer matches the expected line ${JSON.stringify(from.trim())}; update scripts/htl-csp.ts`);
  }
  return source.slice(0, first) + to + source.slice(first + from.length);
}

/** The htl version installed, and its CSP-safe ES module (minified). */
export function cspSafeHtl(root: string): {version: string; code: string} {
  const dir = join(root, "node_modules", "htl");
  const version = (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {version: string}).version;
  let source = readFileSync(join(dir, "src", "index.js"), "utf8");
  source = replaceOnce(source, PLACEHOLDER, PLACEHOLDER_PATCHED);
  source = replaceOnce(source, ASSIGN, ASSIGN_PATCHED);
  const {code} = transformSync(source, {format: "esm", minify: true, target: "es2022"});
  return {version, code};
}
