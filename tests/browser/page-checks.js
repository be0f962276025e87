'use strict';
// Browser checks that the automated WCAG rules cannot make, run by
// tests/test_a11y.py in Debian's Chromium through the pinned puppeteer
// (tests/browser/real-site.js runs them with the keyboard walk in one browser).
//
//   node tests/browser/page-checks.js job.json  > results.json
//
// job.json: {"chromium": "/usr/bin/chromium", "args": [...chromium flags],
//            "checks": {"requests": [urls], "skip": [urls], "badges": [urls], "reflow": [urls], "nojs": [urls]},
//            "screenshots": {"<url>": "/path/to/file.png"}, "concurrency": 2}
// Output: {"<check>": {"<url>": facts}}. It reports facts, not verdicts: the
// Python test decides what is acceptable and says why when it is not.
// Each page is visited once per kind of visit, "concurrency" pages at a time:
//
//   at 1280 x 1024 with JavaScript on, in a fresh browser context (nothing
//   cached, so every request is seen), for requests, badges and skip:
//     requests  every request the page made (including what scripts fetch
//               after loading, and while the skip link is tried);
//     badges    the text colour of every status badge (.pp-badge) and flag
//               (.pp-flag), and the background colours behind it;
//     skip      what Tab, Enter, Tab do from the top of the page;
//   reflow    at 320 x 640 CSS pixels (400 % zoom of 1280), in tabs reused
//             from page to page (it only measures): how wide the page is and
//             which elements stick out, with the theme's overflow-x: hidden on
//             <html> switched off so nothing is masked;
//   nojs      with JavaScript off at 320 x 640, in tabs reused from page to
//             page: the heading and text of the content, how wide the page
//             is, and whether the menu button opens the navigation.

const {pause, pool, withPage, main} = require('./common');

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

async function describeActive(page) {
	return page.evaluate(focusable => {
		const el = document.activeElement;
		if (!el || el === document.body) {
			return {tag: el ? 'body' : null};
		}
		const rect = el.getBoundingClientRect();
		const style = getComputedStyle(el);
		const content = document.querySelector('.md-content');
		// The first focusable element after the skip link's target, in document order.
		return {
			tag: el.tagName.toLowerCase(),
			className: String(el.className || ''),
			href: el.getAttribute('href'),
			text: (el.textContent || '').trim().slice(0, 80),
			inContent: Boolean(content && content.contains(el)),
			visible: rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && Number(style.opacity) > 0,
			html: el.outerHTML.slice(0, 160),
			focusable
		};
	}, FOCUSABLE);
}

// From the top of a freshly loaded page.
async function checkSkip(page) {
	await page.keyboard.press('Tab');
	// The theme fades the skip link in over 0.25 s when it gets focus.
	await pause(400);
	const first = await describeActive(page);
	const target = await page.evaluate(focusable => {
		const link = document.activeElement;
		const href = link && link.getAttribute('href');
		if (!href || !href.startsWith('#')) {
			return null;
		}
		const el = document.getElementById(decodeURIComponent(href.slice(1)));
		if (!el) {
			return {id: href.slice(1), exists: false};
		}
		const content = document.querySelector('.md-content');
		const main = document.querySelector('main');
		const after = [...document.querySelectorAll(focusable)].find(candidate => {
			const rect = candidate.getBoundingClientRect();
			return (el.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING) &&
				!el.contains(candidate) && rect.width > 0 && rect.height > 0 &&
				getComputedStyle(candidate).visibility !== 'hidden';
		});
		return {
			id: el.id,
			exists: true,
			tag: el.tagName.toLowerCase(),
			text: (el.textContent || '').trim().slice(0, 80),
			inContent: Boolean(content && content.contains(el)),
			inMain: Boolean(main && main.contains(el)),
			nextFocusable: after ? after.outerHTML.slice(0, 160) : null
		};
	}, FOCUSABLE);
	if (!target || !target.exists) {
		return {first, target};
	}
	await page.keyboard.press('Enter');
	await pause(100);
	const hash = await page.evaluate(() => location.hash);
	const targetTop = await page.evaluate(id => document.getElementById(id).getBoundingClientRect().top, target.id);
	await page.keyboard.press('Tab');
	const next = await describeActive(page);
	return {first, target, hash, targetTop, next};
}

// Runs in the page. How wide the page is at this viewport, and which visible
// elements stick out past its right edge. The theme sets overflow-x: hidden on
// <html>, which would clip anything too wide instead of letting it scroll, so
// that is switched off while measuring. Not counted: elements inside a box that
// scrolls (a wide table) or clips on purpose (the drawer, a one-line title),
// fixed elements, and elements that cannot be seen (opacity 0, hidden).
function measureWidth() {
	const root = document.documentElement;
	root.style.overflowX = 'visible';
	document.body.style.overflowX = 'visible';
	const width = root.clientWidth;
	const contained = el => {
		for (let p = el.parentElement; p && p !== document.body && p !== root; p = p.parentElement) {
			if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(p).overflowX)) {
				return true;
			}
		}
		return false;
	};
	const unseen = el => {
		for (let p = el; p && p !== root; p = p.parentElement) {
			const style = getComputedStyle(p);
			if (Number(style.opacity) === 0 || style.visibility === 'hidden') {
				return true;
			}
		}
		return false;
	};
	const wide = [];
	for (const el of document.body.querySelectorAll('*')) {
		const rect = el.getBoundingClientRect();
		if (rect.width === 0 || rect.height === 0 || rect.right <= width + 1) {
			continue;
		}
		if (getComputedStyle(el).position === 'fixed' || contained(el) || unseen(el)) {
			continue;
		}
		wide.push({html: el.outerHTML.slice(0, 120), right: Math.round(rect.right)});
	}
	// Text the header cuts off with "...": the site name or page title a reader cannot see.
	const clipped = [];
	for (const el of document.querySelectorAll('header *')) {
		const style = getComputedStyle(el);
		if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1 && !unseen(el)) {
			clipped.push(el.textContent.trim().slice(0, 80));
		}
	}
	const scrollWidth = root.scrollWidth;
	root.style.overflowX = '';
	document.body.style.overflowX = '';
	return {clientWidth: width, scrollWidth, wide: wide.slice(0, 10), clipped};
}

async function checkReflow(page, url, screenshot) {
	await page.goto(url, {waitUntil: 'load', timeout: 30000});
	const facts = await page.evaluate(measureWidth);
	if (screenshot) {
		await page.screenshot({path: screenshot, fullPage: false});
	}
	return facts;
}

// In a tab with JavaScript off at 320 x 640.
async function checkNoJs(page, url) {
	await page.goto(url, {waitUntil: 'load', timeout: 30000});
	// Reflow without JavaScript too (the theme's script wraps wide tables).
	const width = await page.evaluate(measureWidth);
	const before = await page.evaluate(() => {
		const visible = el => {
			if (!el) {
				return false;
			}
			const rect = el.getBoundingClientRect();
			return rect.width > 0 && rect.height > 0 && getComputedStyle(el).visibility !== 'hidden';
		};
		const article = document.querySelector('article, .md-content');
		const h1 = document.querySelector('h1');
		const menu = document.querySelector('label.md-header__button[for="__drawer"]');
		return {
			jsRan: document.documentElement.classList.contains('js'),
			h1: h1 ? h1.textContent.trim() : null,
			h1Visible: visible(h1),
			contentText: article ? article.innerText.trim().length : 0,
			menuVisible: visible(menu),
			// Buttons only JavaScript makes work (data-pp-menu, data-pp-search):
			// shown without it, they do nothing when pressed.
			deadButtons: [...document.querySelectorAll('[data-pp-menu], [data-pp-search]')].filter(visible)
				.map(el => el.outerHTML.slice(0, 120)),
			navLinksVisibleBefore: [...document.querySelectorAll('.md-nav--primary a[href]')].filter(a => {
				const rect = a.getBoundingClientRect();
				return rect.right > 0 && rect.left < innerWidth && rect.width > 0 && rect.height > 0;
			}).length
		};
	});
	if (before.menuVisible) {
		await page.click('label.md-header__button[for="__drawer"]');
		await pause(400); // the drawer slides in over 0.25 s
	}
	const after = await page.evaluate(() => {
		const links = [...document.querySelectorAll('.md-nav--primary a[href]')].filter(a => {
			const rect = a.getBoundingClientRect();
			const hit = document.elementFromPoint(rect.left + Math.min(5, rect.width / 2), rect.top + rect.height / 2);
			return rect.right > 0 && rect.left < innerWidth && rect.top >= 0 && rect.top < innerHeight &&
				rect.width > 0 && rect.height > 0 && hit && (hit === a || a.contains(hit));
		});
		// Links in any navigation landmark other than the header's (which holds
		// only the logo): visible somewhere on the page, even if below the fold.
		const navLinks = [...document.querySelectorAll('nav:not(.md-header__inner) a[href]')].filter(a => {
			const rect = a.getBoundingClientRect();
			return rect.width > 0 && rect.height > 0 && getComputedStyle(a).visibility !== 'hidden';
		});
		return {
			navLinksUsableAfterMenu: links.length,
			firstNavLinks: links.slice(0, 5).map(a => a.textContent.trim()),
			navLinksOnPage: navLinks.length
		};
	});
	return {...width, ...before, ...after};
}

async function checkBadges(page) {
	const badges = await page.evaluate(() => [...document.querySelectorAll('.pp-badge, .pp-flag')].map(el => {
		const backgrounds = [];
		for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
			const background = getComputedStyle(node).backgroundColor;
			if (!/rgba\(.*,\s*0\)$/.test(background)) {
				backgrounds.push(background);
			}
			if (/^rgb\(/.test(background)) {
				break; // opaque: nothing below shows through
			}
		}
		return {
			className: el.className,
			text: el.textContent.trim().replace(/\s+/g, ' '),
			color: getComputedStyle(el).color,
			backgrounds
		};
	}));
	return {badges};
}

// One visit at 1280 x 1024 in a fresh context for the checks among requests, badges and skip
// that `url` is down for (`wanted`): load it, note what it asks for, read the badges, then try
// the skip link (last: it moves focus and the scroll position).
async function visitDesktop(browser, url, wanted) {
	return withPage(browser, {}, async page => {
		const requests = [];
		const failed = [];
		page.on('request', request => requests.push(request.url()));
		page.on('requestfailed', request => failed.push(request.url()));
		await page.goto(url, {waitUntil: wanted.has('requests') ? 'networkidle0' : 'load', timeout: 30000});
		const found = {};
		if (wanted.has('badges')) {
			found.badges = await checkBadges(page);
		}
		if (wanted.has('skip')) {
			found.skip = await checkSkip(page);
		}
		if (wanted.has('requests')) {
			found.requests = {requests: [...requests], failed: [...failed]};
		}
		return found;
	});
}

const DESKTOP = ['requests', 'badges', 'skip'];

// Tabs reused from page to page, one per lane, for checks that only load and measure.
async function reusedTabs(browser, count, {javascript = true, width, height}) {
	const tabs = [];
	for (let slot = 0; slot < count; slot++) {
		const page = await (await browser.createBrowserContext()).newPage();
		await page.setJavaScriptEnabled(javascript);
		await page.setViewport({width, height});
		tabs.push(page);
	}
	return tabs;
}

async function run(browser, job) {
	const concurrency = job.concurrency || 2;
	const checks = job.checks || {};
	for (const check of Object.keys(checks)) {
		if (!DESKTOP.includes(check) && check !== 'reflow' && check !== 'nojs') {
			throw new Error(`unknown check ${check}`);
		}
	}
	const results = Object.fromEntries(Object.keys(checks).map(check => [check, {}]));
	const timed = async (what, count, fn) => {
		const started = Date.now();
		await fn();
		process.stderr.write(`page-checks: ${what} on ${count} pages in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
	};
	const errorOf = error => ({error: String((error && error.message) || error)});

	// The desktop visits: each page once, for every check it is down for.
	const desktop = new Map();
	for (const check of DESKTOP) {
		for (const url of checks[check] || []) {
			desktop.set(url, (desktop.get(url) || new Set()).add(check));
		}
	}
	await timed([...new Set([...desktop.values()].flatMap(s => [...s]))].join(', '), desktop.size, () =>
		pool([...desktop.keys()], concurrency, async url => {
			const wanted = desktop.get(url);
			let found;
			try {
				found = await visitDesktop(browser, url, wanted);
			} catch (error) {
				found = Object.fromEntries([...wanted].map(check => [check, errorOf(error)]));
			}
			for (const check of wanted) {
				results[check][url] = found[check];
			}
		}));

	for (const [check, javascript, measure] of [
		['reflow', true, (page, url) => checkReflow(page, url, (job.screenshots || {})[url])],
		['nojs', false, (page, url) => checkNoJs(page, url)]
	]) {
		const urls = checks[check];
		if (!urls) {
			continue;
		}
		const tabs = await reusedTabs(browser, concurrency, {javascript, width: 320, height: 640});
		await timed(check, urls.length, () => pool(urls, concurrency, async (url, slot) => {
			try {
				results[check][url] = await measure(tabs[slot], url);
			} catch (error) {
				results[check][url] = errorOf(error);
			}
		}));
		for (const page of tabs) {
			await page.browserContext().close();
		}
	}
	// Keep the pages in the order they were given.
	return Object.fromEntries(Object.entries(checks).map(([check, urls]) =>
		[check, Object.fromEntries(urls.map(url => [url, results[check][url]]))]));
}

module.exports = {run};

if (require.main === module) {
	main(run);
}
