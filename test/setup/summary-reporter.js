// Writes jest's counts to test-results/jest-summary.json so .ci/run can print its
// `N passed, N failed` line after running the README's own `npm test`, unchanged.
const fs = require('node:fs');
const path = require('node:path');

class SummaryReporter {
	constructor(globalConfig) {
		this.rootDir = globalConfig.rootDir;
	}

	onRunComplete(_contexts, results) {
		const dir = path.join(this.rootDir, 'test-results');
		fs.mkdirSync(dir, { recursive: true });
		const summary = {
			passed: results.numPassedTests,
			failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
			skipped: results.numPendingTests + results.numTodoTests,
			suites: results.numTotalTestSuites,
		};
		fs.writeFileSync(path.join(dir, 'jest-summary.json'), JSON.stringify(summary, null, 2));
	}
}

module.exports = SummaryReporter;
