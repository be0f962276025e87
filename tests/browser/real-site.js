'use strict';
// The browser checks of the real site in one Chromium, run once per test session by
// tests/conftest.py (real_site_browser): page-checks.js (used by tests/test_a11y.py) and then
// keyboard-walk.js (tests/test_keyboard.py). One browser start, and one cache of the theme's
// CSS and JavaScript for both.
//
//   node tests/browser/real-site.js job.json  > results.json
//
// job.json: {"chromium": ..., "args": [...], "pageChecks": {page-checks.js job},
//            "keyboard": {keyboard-walk.js job}}; either part may be left out.
// Output: {"pageChecks": facts, "keyboard": facts}.

const {main} = require('./common');
const pageChecks = require('./page-checks');
const keyboardWalk = require('./keyboard-walk');

main(async (browser, job) => {
	const out = {};
	if (job.pageChecks) {
		out.pageChecks = await pageChecks.run(browser, job.pageChecks);
	}
	if (job.keyboard) {
		out.keyboard = await keyboardWalk.run(browser, job.keyboard);
	}
	return out;
});
