/** The real-n8n suites' checks: `ok  name` or `FAIL name: detail` lines, then `N passed, N failed`. */
export function checks() {
	let passed = 0;
	let failed = 0;
	return {
		check(name, ok, detail = '') {
			if (ok) passed++;
			else failed++;
			console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `: ${detail}`}`);
		},
		/** Prints the summary line CI counts and exits 1 on any failure. */
		finish() {
			console.log(`${passed} passed, ${failed} failed`);
			process.exit(failed === 0 ? 0 : 1);
		},
	};
}
