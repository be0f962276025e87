// Load one page of a built site in headless Chromium, as a phone would, and report every request
// it makes on load; then use the search (tap the icon, type a word) and report what it fetched
// then and whether results came. Used by bench/run.py --phone to check that deferring the search
// index keeps search working.
//
//   node bench/search_check.js URL [WORD]
//
// Prints JSON: {load: [urls], search: [urls], results: n}
"use strict";
const path = require("path");
const puppeteer = require(path.join(__dirname, "..", "node_modules", "puppeteer-core"));

(async () => {
  const [url, word = "plan"] = process.argv.slice(2);
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({width: 390, height: 844, isMobile: true, hasTouch: true});
    const seen = [];
    page.on("request", (request) => seen.push(request.url()));
    await page.goto(url, {waitUntil: "networkidle0"});
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const load = seen.splice(0);
    // Open search the way a phone user does: tap the magnifier, then type.
    await page.click('label[for="__search"]');
    await page.waitForSelector(".md-search__input", {visible: true});
    await page.focus(".md-search__input");
    await page.keyboard.type(word, {delay: 30});
    let results = 0;
    try {
      await page.waitForSelector(".md-search-result__item", {timeout: 15000});
      results = await page.$$eval(".md-search-result__item", (items) => items.length);
    } catch (error) {
      results = 0;
    }
    console.log(JSON.stringify({load, search: seen, results}));
  } finally {
    await browser.close();
  }
})().catch((error) => {
  console.error(error);
  process.exit(2);
});
