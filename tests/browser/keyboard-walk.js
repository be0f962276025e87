'use strict';
// A keyboard walk, run by tests/test_keyboard.py in Debian's Chromium through
// the pinned puppeteer: what a person using a keyboard meets on each page at
// each screen size (tests/browser/real-site.js runs it with page-checks.js in
// one browser).
//
//   node tests/browser/keyboard-walk.js job.json  > results.json
//
// job.json: {"chromium": "/usr/bin/chromium", "args": [...chromium flags],
//            "pages": [urls], "sizes": [[width, height], ...],
//            "stops": 60, "concurrency": 2,
//            "screenshots": [{"url": u, "size": [w, h], "menu": true, "path": "/x.png"}]}
// Output: {"<width>x<height> <url>": facts}. Facts, not verdicts: the Python
// test decides what is acceptable. For each page at each size, from a fresh
// load of the page:
//
//   forward, backward  every stop of a Tab walk from the top of the page and
//             of a Shift+Tab walk (which starts from the bottom), up to
//             "stops" each way: what has focus, its accessible name (worked
//             out in the page, the way browsers do for the common cases),
//             whether it is on screen, what covers it at a few points of its
//             box (document.elementFromPoint), whether it is inside the
//             closed menu drawer, and its focus outline;
//   menu      when the page shows a menu control (below the desktop layout):
//             the control's element and name, and what Enter, Escape, Space
//             and Escape again do to aria-expanded, the drawer and focus.

const {pause, pool, main} = require('./common');

// Runs in the page: the facts about the focused element.
async function focusFacts() {
	// Let any transition the focus started (the skip link slides in) finish
	// before measuring; the scroll that focus causes has already happened.
	// Only movements of the focused element or what holds it matter (not colour fades).
	const focused = document.activeElement;
	const running = document.getAnimations().filter(a => a.playState === 'running' &&
		a.effect && a.effect.target && focused && a.effect.target.contains(focused) &&
		!/color|outline|shadow/.test(a.transitionProperty || ''));
	if (running.length) {
		await Promise.race([
			Promise.all(running.map(a => a.finished.catch(() => null))),
			new Promise(resolve => setTimeout(resolve, 600))
		]);
	}
	let el = document.activeElement;
	while (el && el.shadowRoot && el.shadowRoot.activeElement) {
		el = el.shadowRoot.activeElement;
	}
	if (!el || el === document.body || el === document.documentElement) {
		return null;
	}
	const text = node => {
		if (node.nodeType === Node.TEXT_NODE) {
			return node.textContent;
		}
		if (node.nodeType !== Node.ELEMENT_NODE || node.getAttribute('aria-hidden') === 'true') {
			return '';
		}
		const style = getComputedStyle(node);
		if (style.display === 'none' || style.visibility === 'hidden') {
			return '';
		}
		if (node.getAttribute('aria-label')) {
			return ' ' + node.getAttribute('aria-label') + ' ';
		}
		if (node.tagName === 'IMG') {
			return node.getAttribute('alt') || '';
		}
		if (node.tagName.toLowerCase() === 'svg') {
			const title = node.querySelector('title');
			return title ? title.textContent : '';
		}
		const inner = [...node.childNodes].map(text).join('');
		return style.display === 'inline' ? inner : ' ' + inner + ' ';
	};
	const clean = s => (s || '').replace(/\s+/g, ' ').trim();
	const name = (() => {
		const by = el.getAttribute('aria-labelledby');
		if (by) {
			const named = clean(by.split(/\s+/).map(id => {
				const target = document.getElementById(id);
				return target ? text(target) : '';
			}).join(' '));
			if (named) {
				return named;
			}
		}
		if (clean(el.getAttribute('aria-label'))) {
			return clean(el.getAttribute('aria-label'));
		}
		if (el.labels && el.labels.length) {
			const labelled = clean([...el.labels].map(text).join(' '));
			if (labelled) {
				return labelled;
			}
		}
		if (!/^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) {
			const own = clean([...el.childNodes].map(text).join(''));
			if (own) {
				return own;
			}
		}
		return clean(el.getAttribute('title') || el.getAttribute('placeholder') || '');
	})();

	const rect = el.getBoundingClientRect();
	const width = innerWidth;
	const height = innerHeight;
	const left = Math.max(rect.left, 0);
	const right = Math.min(rect.right, width);
	const top = Math.max(rect.top, 0);
	const bottom = Math.min(rect.bottom, height);
	const onScreen = rect.width >= 1 && rect.height >= 1 && right - left >= 1 && bottom - top >= 1;
	let opacity = 1;
	for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
		opacity *= Number(getComputedStyle(node).opacity);
	}
	// What is on top at the centre and near the corners of the visible part of
	// the box, and at the middle of each line box (a link can wrap).
	const points = [];
	if (onScreen) {
		const inset = (a, b) => Math.min(2, (b - a) / 2);
		points.push([(left + right) / 2, (top + bottom) / 2]);
		points.push([left + inset(left, right), top + inset(top, bottom)]);
		points.push([right - inset(left, right), top + inset(top, bottom)]);
		points.push([left + inset(left, right), bottom - inset(top, bottom)]);
		points.push([right - inset(left, right), bottom - inset(top, bottom)]);
		for (const line of [...el.getClientRects()].slice(0, 3)) {
			const x = (Math.max(line.left, 0) + Math.min(line.right, width)) / 2;
			const y = (Math.max(line.top, 0) + Math.min(line.bottom, height)) / 2;
			if (x > 0 && x < width && y > 0 && y < height) {
				points.push([x, y]);
			}
		}
	}
	let seenAt = 0;
	let coveredBy = null;
	for (const [x, y] of points) {
		const hit = document.elementFromPoint(x, y);
		if (hit && (hit === el || el.contains(hit) || (el.labels && [...el.labels].some(l => l.contains(hit))))) {
			seenAt += 1;
		} else if (hit && !coveredBy) {
			coveredBy = hit.outerHTML.slice(0, 120);
		}
	}
	// The focus indicator: the outline and the colour just outside it.
	const style = getComputedStyle(el);
	const rgba = value => {
		const m = /rgba?\(([^)]+)\)/.exec(value || '');
		if (!m) {
			return null;
		}
		const parts = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
		return {r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1};
	};
	const behind = node => {
		// The background colour under a node: the first opaque one up the tree,
		// with translucent ones on the way blended over it.
		const layers = [];
		for (let p = node; p && p.nodeType === 1; p = p.parentElement) {
			const c = rgba(getComputedStyle(p).backgroundColor);
			if (c && c.a > 0) {
				layers.push(c);
				if (c.a >= 1) {
					break;
				}
			}
		}
		let colour = {r: 255, g: 255, b: 255};
		for (const c of layers.reverse()) {
			colour = {r: c.r * c.a + colour.r * (1 - c.a), g: c.g * c.a + colour.g * (1 - c.a), b: c.b * c.a + colour.b * (1 - c.a)};
		}
		return colour;
	};
	const luminance = c => {
		const f = v => {
			v /= 255;
			return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
		};
		return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
	};
	const contrast = (a, b) => {
		const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
		return (x + 0.05) / (y + 0.05);
	};
	const outlineColour = rgba(style.outlineColor);
	const offset = parseFloat(style.outlineOffset) || 0;
	// An outline drawn inside the box (negative offset) sits on the element's own background.
	const around = behind(offset < 0 ? el : (el.parentElement || el));
	const ring = {
		style: style.outlineStyle,
		width: parseFloat(style.outlineWidth) || 0,
		offset,
		color: style.outlineColor,
		contrast: outlineColour && outlineColour.a > 0 ? Math.round(contrast(outlineColour, around) * 100) / 100 : 0
	};

	const drawerToggle = document.getElementById('__drawer');
	return {
		tag: el.tagName.toLowerCase(),
		html: el.outerHTML.replace(/<svg[\s\S]*?<\/svg>/g, '<svg/>').slice(0, 160),
		name,
		rect: [Math.round(rect.left), Math.round(rect.top), Math.round(rect.width), Math.round(rect.height)],
		onScreen,
		opacity: Math.round(opacity * 100) / 100,
		points: points.length,
		seenAt,
		coveredBy,
		inDrawer: Boolean(el.closest('.md-sidebar--primary, [data-md-component="navigation"]')),
		drawerOpen: Boolean(drawerToggle && drawerToggle.checked),
		ring
	};
}

// Runs in the page: the menu control (visible below the desktop layout), if any.
function menuFacts() {
	const visible = el => {
		const rect = el.getBoundingClientRect();
		const style = getComputedStyle(el);
		return rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
	};
	const header = document.querySelector('header');
	const drawerLabel = document.querySelector('label[for="__drawer"].md-header__button');
	const button = header && [...header.querySelectorAll('button[aria-controls], [aria-expanded]')].find(visible);
	// Links and controls of the menu that are on screen and on top (not covered).
	const links = [...document.querySelectorAll('.md-sidebar--primary :is(a[href], button, label)')]
		.filter(el => !el.closest('[inert]'));
	const inView = links.filter(a => {
		const rect = a.getBoundingClientRect();
		if (!(rect.width > 0 && rect.height > 0 && rect.right > 0 && rect.left < innerWidth &&
			rect.top >= 0 && rect.top < innerHeight)) {
			return false;
		}
		const hit = document.elementFromPoint(rect.left + Math.min(5, rect.width / 2), rect.top + rect.height / 2);
		return hit && (hit === a || a.contains(hit));
	});
	const drawer = document.querySelector('.md-sidebar--primary');
	return {
		menuShown: Boolean((drawerLabel && visible(drawerLabel)) || button),
		button: button ? {
			tag: button.tagName.toLowerCase(),
			type: button.getAttribute('type'),
			name: (button.getAttribute('aria-label') || button.textContent || '').replace(/\s+/g, ' ').trim(),
			expanded: button.getAttribute('aria-expanded'),
			controls: button.getAttribute('aria-controls'),
			controlsExists: Boolean(button.getAttribute('aria-controls') && document.getElementById(button.getAttribute('aria-controls'))),
			focused: document.activeElement === button,
			tabIndex: button.tabIndex
		} : null,
		labelTabIndex: drawerLabel ? drawerLabel.tabIndex : null,
		drawerLinksInView: inView.length,
		drawerInert: Boolean(drawer && drawer.closest('[inert]'))
	};
}

async function walk(page, key, limit) {
	// Tab and Shift+Tab through the DevTools protocol: the key-down moves focus (awaited); the
	// key-up is sent without waiting for it, alongside the measuring, to keep the walk quick.
	const client = await page.createCDPSession();
	const tab = {key: 'Tab', code: 'Tab', windowsVirtualKeyCode: 9, nativeVirtualKeyCode: 9,
		modifiers: key === 'Shift+Tab' ? 8 : 0};
	const stops = [];
	for (let i = 0; i < limit; i++) {
		await client.send('Input.dispatchKeyEvent', {type: 'rawKeyDown', ...tab});
		const up = client.send('Input.dispatchKeyEvent', {type: 'keyUp', ...tab});
		const facts = await page.evaluate(focusFacts);
		await up;
		if (!facts) {
			break; // focus left the page: the walk went round once
		}
		stops.push(facts);
	}
	await client.detach();
	return stops;
}

async function checkMenu(page) {
	const before = await page.evaluate(menuFacts);
	const out = {before};
	if (!before.menuShown || !before.button) {
		return out;
	}
	const selector = 'header [aria-expanded]';
	const focusButton = () => page.evaluate(sel => {
		const el = [...document.querySelectorAll(sel)].find(b => b.getBoundingClientRect().width > 0);
		el.focus();
	}, selector);
	const step = async key => {
		await page.keyboard.press(key);
		await pause(30);
		return page.evaluate(menuFacts);
	};
	await focusButton();
	out.enter = await step('Enter');
	out.escapeAfterEnter = await step('Escape');
	await focusButton();
	out.space = await step('Space');
	// With the menu open, Tab goes into it (within a few stops), on screen.
	const tabs = [];
	for (let i = 0; i < 8; i++) {
		await page.keyboard.press('Tab');
		const facts = await page.evaluate(focusFacts);
		if (!facts) {
			break;
		}
		tabs.push(facts);
		if (facts.inDrawer) {
			break;
		}
	}
	out.tabsIntoMenu = tabs;
	out.escapeAfterSpace = await step('Escape');
	return out;
}

// Transitions and animations off: the walk measures where things end up, at once, not how
// they slide (the skip link, the drawer, the search box).
const STILL = '*, *::before, *::after { transition: none !important; animation: none !important; }';

async function load(page, url) {
	await page.goto(url, {waitUntil: 'load', timeout: 30000});
	await page.addStyleTag({content: STILL});
}

async function checkPage(page, url, [width, height], stops, shots) {
	{
		await page.setViewport({width, height});
		await load(page, url);
		const forward = await walk(page, 'Tab', stops);
		await load(page, url);
		const backward = await walk(page, 'Shift+Tab', stops);
		const menu = await checkMenu(page); // from where the walk left focus: the drawer is still closed
		for (const shot of shots) {
			await page.goto(url, {waitUntil: 'load', timeout: 30000});
			if (shot.menu) {
				await page.evaluate(() => {
					const el = [...document.querySelectorAll('header [aria-expanded]')].find(b => b.getBoundingClientRect().width > 0);
					if (el) {
						el.focus();
					}
				});
				await page.keyboard.press('Enter');
				await pause(400);
				await page.keyboard.press('Tab');
				await pause(100);
			}
			await page.screenshot({path: shot.path, fullPage: Boolean(shot.fullPage)});
		}
		return {forward, backward, menu};
	}
}

async function run(browser, job) {
	const started = Date.now();
	const units = [];
	for (const size of job.sizes) {
		for (const url of job.pages) {
			units.push({url, size});
		}
	}
	const results = {};
	// One tab per slot, reused from walk to walk (its cache makes loading quick); each walk
	// starts with a fresh load of its page.
	const tabs = [];
	for (let slot = 0; slot < (job.concurrency || 2); slot++) {
		tabs.push(await browser.newPage());
	}
	await pool(units, job.concurrency || 2, async ({url, size}, slot) => {
		const key = `${size[0]}x${size[1]} ${url}`;
		const shots = (job.screenshots || []).filter(s => s.url === url && s.size[0] === size[0] && s.size[1] === size[1]);
		// A walk that fails (a load that times out on a busy machine) is tried once more in a
		// new tab; a second failure is reported.
		for (let attempt = 1; attempt <= 2; attempt++) {
			try {
				results[key] = await checkPage(tabs[slot], url, size, job.stops || 60, shots);
				break;
			} catch (error) {
				results[key] = {error: String((error && error.message) || error)};
				await tabs[slot].close().catch(() => null);
				tabs[slot] = await browser.newPage();
			}
		}
	});
	for (const tab of tabs) {
		await tab.close().catch(() => null);
	}
	process.stderr.write(`keyboard-walk: ${units.length} page walks in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
	return results;
}

module.exports = {run};

if (require.main === module) {
	main(run);
}
