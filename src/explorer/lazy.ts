/**
 * Sections loaded on demand: their code is not part of the page's start weight (docs/performance.md,
 * "Page weight").
 *
 * Framework 1.13.4 preloads (`<link rel="modulepreload">`) the static import graph of a page; a
 * dynamic `import("./x.js")` with a literal path in a local module is resolved to the built file
 * (`_import/…/x.<hash>.js`), emitted with its own imports, and fetched only when the call runs
 * (src/resolvers.ts: "only static imports are preloaded, but both static and dynamic imports are
 * included in the published site"; src/javascript/transpile.ts rewrites the literal). So it works
 * offline, under a subpath and under `script-src 'self'` like any other module.
 *
 * `deferred` returns a holder at once: filled synchronously when the module is already loaded
 * (every render after the first), otherwise marked `aria-busy` and filled when the module arrives.
 * The first load starts after the next paint, so the rest of the page is on screen first.
 */
import type {ModelInputs, Scenario} from "../model/types.js";
import type {OutcomeId} from "../model/outcomes.js";

export interface LazyModule<M> {
  /** Starts loading (once) and resolves to the module. */
  load(): Promise<M>;
  /** The module once loaded, else null. */
  readonly loaded: M | null;
}

/** Resolves after the next frame is painted (a task after requestAnimationFrame), or after a task where there are no frames. */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => (typeof requestAnimationFrame === "function" ? requestAnimationFrame(() => setTimeout(resolve, 0)) : setTimeout(resolve, 0)));
}

/** Wraps a dynamic import so it runs once; `importer` must contain the literal `import("./…")`. */
export function lazyModule<M>(importer: () => Promise<M>): LazyModule<M> {
  let promise: Promise<M> | null = null;
  let loaded: M | null = null;
  return {
    load: () => (promise ??= afterPaint().then(importer).then((m) => (loaded = m))),
    get loaded() {
      return loaded;
    }
  };
}

export const LOADING_TEXT = "Bezig met laden…";
export const FAILED_TEXT = "Dit onderdeel kon niet worden geladen. Laad de pagina opnieuw.";

/** A holder for `render(module)`: filled now when the module is loaded, else when it arrives. */
export function deferred<M>(module: LazyModule<M>, render: (m: M) => Node, name: string): HTMLElement {
  const holder = document.createElement("div");
  holder.className = "lazy-section";
  holder.dataset.lazy = name;
  if (module.loaded) {
    holder.append(render(module.loaded));
    return holder;
  }
  holder.setAttribute("aria-busy", "true");
  const note = document.createElement("p");
  note.className = "lazy-loading";
  note.textContent = LOADING_TEXT;
  holder.append(note);
  module.load().then(
    (m) => {
      holder.removeAttribute("aria-busy");
      holder.replaceChildren(render(m));
    },
    (error: unknown) => {
      holder.removeAttribute("aria-busy");
      note.textContent = FAILED_TEXT;
      console.error(error);
    }
  );
  return holder;
}

// The sections loaded this way. Each keeps the signature of the function it stands for.

const shapley = lazyModule(() => import("./pages/shapley-ui.js"));

/** `shapleySection` of ./pages/shapley-ui.js (Maatregelen, "Effect per maatregel": waterfall and table). */
export function shapleySection(inputs: ModelInputs, scenario: Scenario, options: {width: number; outcome?: OutcomeId}): HTMLElement {
  return deferred(shapley, (m) => m.shapleySection(inputs, scenario, options), "shapley");
}

const sensitivity = lazyModule(() => import("./pages/sensitivity-ui.js"));

/** `sensitivitySection` of ./pages/sensitivity-ui.js (Bronnen, the tornado of the assumptions). */
export function sensitivitySection(inputs: ModelInputs, scenario: Scenario, options: {width: number; top?: number}): HTMLElement {
  return deferred(sensitivity, (m) => m.sensitivitySection(inputs, scenario, options), "sensitivity");
}
