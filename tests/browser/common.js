'use strict';
// What the browser checks share: starting Debian's Chromium through the pinned
// puppeteer, running work a few at a time, and the command-line shape of a
// check (read a job file, print facts as JSON). Used by page-checks.js and
// keyboard-walk.js, and by real-site.js, which runs both in one browser.

const fs = require('fs');
const puppeteer = require('puppeteer');

function launch(job) {
	return puppeteer.launch({executablePath: job.chromium, headless: true, args: job.args});
}

const pause = ms => new Promise(resolve => setTimeout(resolve, ms));

// Run fn(item, slot) over items, at most `limit` at a time; slot says which of the `limit` lanes runs it.
async function pool(items, limit, fn) {
	let next = 0;
	const worker = async slot => {
		while (next < items.length) {
			const item = items[next++];
			await fn(item, slot);
		}
	};
	await Promise.all(Array.from({length: Math.min(limit, items.length)}, (_, slot) => worker(slot)));
}

// A tab in a fresh browser context (nothing cached, no history), closed after fn.
async function withPage(browser, {javascript = true, width = 1280, height = 1024} = {}, fn) {
	const context = await browser.createBrowserContext();
	const page = await context.newPage();
	try {
		await page.setJavaScriptEnabled(javascript);
		await page.setViewport({width, height});
		return await fn(page);
	} finally {
		await context.close();
	}
}

// `node script.js job.json > facts.json`: start Chromium, run(browser, job), print what it returns.
function main(run) {
	(async () => {
		const job = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
		const browser = await launch(job);
		let facts;
		try {
			facts = await run(browser, job);
		} finally {
			await browser.close();
		}
		process.stdout.write(JSON.stringify(facts));
	})().catch(error => {
		console.error(error);
		process.exit(1);
	});
}

module.exports = {launch, pause, pool, withPage, main};
