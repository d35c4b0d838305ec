// Screenshots a page of the built site: tsx scripts/screenshot.ts /instroom out.png [width] [css selector]
import {launchBrowser} from "./browser.js";
import {startServer} from "./static-server.js";

const [path = "/", out = "screenshot.png", width = "1280", selector] = process.argv.slice(2);
const {server, url} = await startServer(0);
const browser = await launchBrowser();
try {
  const page = await browser.newPage({viewport: {width: Number(width), height: 900}});
  await page.goto(url + path, {waitUntil: "networkidle"});
  await page.waitForTimeout(500);
  if (selector) await page.locator(selector).first().screenshot({path: out});
  else await page.screenshot({path: out, fullPage: true});
  console.error(`wrote ${out}`);
} finally {
  await browser.close();
  server.close();
}
