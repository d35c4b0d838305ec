import {launchBrowser} from "./scripts/browser.js";
import {startServer} from "./scripts/static-server.js";
const {server, url} = await startServer(0);
const browser = await launchBrowser();
try {
  const page = await browser.newPage({viewport: {width: 390, height: 900}});
  const errs: string[] = [];
  page.on("console", (m) => { if (m.type() === "error") errs.push(m.text()); });
  await page.goto(url + "/maatregelen?p=ongewijzigd&m=tweestatusstelsel~2025-10~1,kerngezin-nareis~2025-10~1", {waitUntil: "networkidle"});
  await page.waitForTimeout(1500);
  console.log(errs.slice(0, 3));
  console.log(await page.$$eval(".shapley-section figure rect", (rs) => rs.map((r) => [r.getAttribute("x"), r.getAttribute("width")].join(":")).join(" ")));
  console.log(await page.$$eval('.shapley-table tr[data-role="maatregel"]', (rs) => rs.map((r) => r.textContent)));
} finally { await browser.close(); server.close(); }
