/**
 * A "Kopieer link" button with the current permalink beside it, for pages that keep their own state in
 * the URL (Europa, Inwilligingspercentages, Spreidingswet). Text only: the URL is never parsed as markup.
 */
export function permalinkButton(url: () => string): HTMLElement {
  const bar = document.createElement("div");
  bar.className = "permalink";
  const button = document.createElement("button");
  button.type = "button";
  button.className = "no-print";
  button.textContent = "Kopieer link";
  const status = document.createElement("span");
  status.className = "permalink-status";
  status.setAttribute("aria-live", "polite");
  const link = document.createElement("a");
  link.className = "permalink-url";
  const refresh = () => {
    link.href = url();
    link.textContent = url();
  };
  refresh();
  button.addEventListener("click", async () => {
    refresh();
    try {
      await navigator.clipboard.writeText(url());
      status.textContent = " Link gekopieerd.";
    } catch {
      status.textContent = " Kopiëren lukte niet; selecteer de link hieronder.";
    }
  });
  bar.append(button, status, document.createElement("br"), link);
  return bar;
}

/** A visible notice list for URL values that were ignored (empty when none). */
export function urlNotices(notices: readonly string[]): HTMLElement {
  const box = document.createElement("div");
  box.id = "url-notices";
  box.setAttribute("role", notices.length ? "alert" : "status");
  if (!notices.length) return box;
  box.className = "melding";
  const strong = document.createElement("strong");
  strong.textContent = "Let op: de link bevatte waarden die zijn aangepast of genegeerd.";
  const list = document.createElement("ul");
  for (const n of notices) {
    const li = document.createElement("li");
    li.textContent = n;
    list.append(li);
  }
  box.append(strong, list);
  return box;
}
