'use strict';
// A pa11y-ci reporter that prints one line per page as the check runs, so a
// long run shows progress. scripts/lib/a11y.py prints the real summary from the
// JSON report afterwards. Loaded by pa11y-ci from its "reporters" option.

module.exports = function progressReporter(options = {}) {
	const base = options.base || '';
	let total = 0;
	let done = 0;
	const short = url => (base && url.startsWith(base) ? '/' + url.slice(base.length) : url);
	const line = text => process.stdout.write(`${text}\n`);
	return {
		beforeAll(urls) {
			total = urls.length;
		},
		results(results) {
			done += 1;
			const count = results.issues.length;
			const state = count ? `${count} issue${count === 1 ? '' : 's'}` : 'ok';
			line(`  [${done}/${total}] ${state.padEnd(9)} ${short(results.pageUrl)}`);
		},
		error(error, url) {
			done += 1;
			const message = String((error && error.message) || error).split('\n')[0];
			line(`  [${done}/${total}] FAILED    ${short(url)}: ${message}`);
		}
	};
};
