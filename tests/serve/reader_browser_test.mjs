// The reader page in a real browser (Debian's headless Chromium driven by playwright-core): loads the page
// from a running `lede serve`, submits the bundled example page, checks what a reader sees and takes a
// screenshot. No request leaves the machine: anything not for the server is answered locally.
// Usage: node reader_browser_test.mjs BASE_URL EXAMPLE_HTML SCREENSHOT_PNG   (scripts/test-serve-browser)
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";

const [base, examplePath, screenshotPath] = process.argv.slice(2);
const failures = [];
let checks = 0;

function check(condition, what) {
  checks++;
  if (!condition) failures.push(what);
  console.log(`${condition ? "ok  " : "FAIL"} ${what}`);
}

// The article as the API gives it: what the reader page must show.
async function expectedArticle() {
  const response = await fetch(`${base}/v1/extract?format=json`, {
    method: "POST", headers: { "Content-Type": "text/html" }, body: readFileSync(examplePath),
  });
  return response.json();
}

// Images of the article live on other hosts: a grey placeholder instead, so the test stays on loopback.
const PLACEHOLDER = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><rect width="100%" height="100%" fill="#c9ccd1"/>` +
  `<text x="50%" y="50%" font-size="48" text-anchor="middle" fill="#555" font-family="sans-serif">image</text></svg>`;

async function keepOffline(page) {
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    if (route.request().resourceType() === "image") {
      return route.fulfill({ status: 200, contentType: "image/svg+xml", body: PLACEHOLDER });
    }
    return route.abort();
  });
}

async function checkExample(page, article) {
  await page.goto(base + "/");
  check((await page.title()) === "lede reader", "the reader page loads");
  await page.setInputFiles("#file", examplePath);
  await page.waitForSelector("#reader .headline", { timeout: 15000 });
  const headline = (await page.textContent("#reader .headline")).trim();
  check(headline === article.title, `headline is the article's title: "${headline}"`);
  check(headline.includes("Дунайский коридор"), "Cyrillic headline rendered as text");
  check((await page.textContent("#reader .lead")).trim() === article.lead, "lead shown");
  check((await page.textContent("#reader .byline")).includes(article.authors[0]), "byline shown");
  check(await page.isVisible("#reader time.published"), "date shown");
  check((await page.textContent("#reader")).includes(article.image.credit), "image credit shown");
  // The reader shows a paragraph that repeats the lead once, as the lead.
  const paragraphs = article.blocks.filter((block) => block.type === "paragraph" && block.text !== article.lead);
  const bodyText = await page.textContent("#reader .body");
  check(paragraphs.every((block) => bodyText.includes(block.text)), `all ${paragraphs.length} body paragraphs shown`);
  check(!bodyText.includes("Политика"), "menu text is not in the body");
  check((await page.$$("#reader figure img")).length === 1, "the main image is shown once");
  const quoted = await page.$$eval("#reader .quotes li", (items) => items.map((li) => li.textContent));
  check(quoted.length === article.quotes.length && quoted.some((text) => text.includes("— Мельник")),
        `the quotations are shown with their speakers (${quoted.length})`);
  check((await page.getAttribute("#reader", "lang")) === article.language, "article language set on the view");

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `no horizontal scrolling at phone width (overflow ${overflow}px)`);
  await page.screenshot({ path: screenshotPath, fullPage: true });

  await page.click("[data-tab=markdown]");
  await page.waitForFunction(() => document.querySelector("#markdown").textContent.startsWith("# "));
  check((await page.textContent("#markdown")).startsWith("# " + article.title), "Markdown tab shows the Markdown");
  await page.click("[data-tab=json]");
  check((await page.textContent("#json")).includes('"schema": "lede/1"'), "JSON tab shows the lede/1 document");
  await page.click("[data-tab=removed]");
  const dropped = await page.$$eval("#removed .chunk.dropped", (nodes) => nodes.map((node) => node.textContent));
  const kept = await page.$$eval("#removed .chunk.kept", (nodes) => nodes.map((node) => node.textContent));
  check(dropped.includes("Политика"), `Removed tab marks the menu as dropped (${dropped.length} pieces)`);
  check(kept.some((text) => text.includes("Измаил")), `Removed tab marks article text as kept (${kept.length} pieces)`);
}

async function checkRightToLeft(page) {
  await page.goto(base + "/");
  const html = `<html lang="ar"><body><article><h1>عنوان المقال الرئيسي</h1>` +
    `<p>هذه فقرة طويلة من نص المقال باللغة العربية، وهي كافية ليقرأها المستخرج على أنها نص المقال الرئيسي في الصفحة.</p>` +
    `<p>وهذه فقرة ثانية تكمل القصة وتضيف المزيد من التفاصيل حول الموضوع المطروح في هذا المقال.</p></article></body></html>`;
  await page.fill("#html", html);
  await page.click("#read-html");
  await page.waitForSelector("#reader .headline", { timeout: 15000 });
  check((await page.textContent("#reader .headline")).trim() === "عنوان المقال الرئيسي", "Arabic headline shown");
  const direction = await page.$eval("#reader .body p", (node) => getComputedStyle(node).direction);
  check(direction === "rtl", `Arabic paragraphs run right to left (${direction})`);
}

async function checkErrors(page) {
  await page.goto(base + "/");
  await page.fill("#url", "http://169.254.169.254/latest/meta-data/");
  await page.click("#url-form button");
  await page.waitForSelector("#status.error", { timeout: 15000 });
  check((await page.textContent("#status")).startsWith("forbidden_address"), "a refused URL shows its error code");
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-dev-shm-usage"],
});
try {
  const article = await expectedArticle();
  const context = await browser.newContext({ viewport: { width: 412, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await keepOffline(page);
  await checkExample(page, article);
  await checkRightToLeft(page);
  await checkErrors(page);
} catch (error) {
  failures.push("exception: " + (error && error.stack || error));
  console.log("FAIL", error);
} finally {
  await browser.close();
}
console.log(`reader: ${checks - failures.filter((f) => !f.startsWith("exception")).length} of ${checks} checks passed` +
            (failures.length ? `; failed: ${failures.join(" | ")}` : ""));
process.exit(failures.length ? 1 : 0);
