/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	globalSetup: '<rootDir>/test/setup/global-setup.js',
	globalTeardown: '<rootDir>/test/setup/global-teardown.js',
	setupFiles: ['<rootDir>/test/setup/env.js'],
	testTimeout: 60000,
	reporters: ['default', '<rootDir>/test/setup/summary-reporter.js'],
	setupFilesAfterEnv: ['<rootDir>/test/setup/after-env.ts'],
	// 2-core CI machine: two workers keep the engine suites from starving each other
	maxWorkers: 2,
};
