'use strict';
// The pa11y-ci reporter of scripts/lib/a11y.py, loaded by pa11y-ci from its
// "reporters" option. It
//  - prints one line per page as the check runs, so a long run shows progress;
//  - appends each page's result to a file as one JSON line ({url, issues} or
//    {url, error}) the moment it is known. pa11y-ci writes its own JSON report
//    only when every page is done, so if one page hangs for ever (it happens)
//    and the gate has to stop pa11y-ci, the pages already checked still count;
//  - stops pa11y-ci (and with it Chromium) if the gate that started it dies
//    without being able to stop it, so no browser is left running.
const fs = require('fs');

module.exports = function a11yReporter(options = {}) {
	const base = options.base || '';
	const stream = options.stream;
	let total = 0;
	let done = 0;
	const short = url => (base && url && url.startsWith(base) ? '/' + url.slice(base.length) : url);
	const line = text => process.stdout.write(`${text}\n`);
	const record = entry => {
		if (stream) {
			fs.appendFileSync(stream, JSON.stringify(entry) + '\n');
		}
	};

	const parent = process.ppid;
	setInterval(() => {
		if (process.ppid !== parent) {
			process.kill(process.pid, 'SIGTERM'); // puppeteer closes Chromium on SIGTERM
		}
	}, 1000).unref();

	return {
		beforeAll(urls) {
			total = urls.length;
		},
		results(results, config) {
			done += 1;
			const url = (config && config.url) || results.pageUrl;
			const count = results.issues.length;
			const state = count ? `${count} issue${count === 1 ? '' : 's'}` : 'ok';
			record({url, issues: results.issues});
			line(`  [${done}/${total}] ${state.padEnd(9)} ${short(url)}`);
		},
		error(error, url) {
			done += 1;
			const message = String((error && error.message) || error).split('\n')[0];
			record({url, error: message});
			line(`  [${done}/${total}] FAILED    ${short(url)}: ${message}`);
		}
	};
};
