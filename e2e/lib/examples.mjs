/** The example workflows as the suite and `npm start` import them: the sandbox credential and file paths filled in. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { ROOT } from './runtime.mjs';

export const SANDBOX_CREDENTIAL_ID = 'oneFileSandbox01';
/** Where the examples expect their files: n8n's default file folder in Docker. */
export const EXAMPLE_FILES = '/home/node/.n8n-files';

/** A credential for the sandbox, with its demo customer token (from the compiled sandbox: `tsc -p tsconfig.tools.json`). */
export function sandboxCredential(baseUrl) {
	const { DEMO_CUSTOMER_TOKEN } = createRequire(import.meta.url)(join(ROOT, 'build/sandbox/onefile/index.js'));
	return { id: SANDBOX_CREDENTIAL_ID, name: 'OneFile (sandbox)', type: 'oneFileApi', data: { environment: 'custom', baseUrl, customerToken: DEMO_CUSTOMER_TOKEN } };
}

export const BKSB_CREDENTIAL_ID = 'bksbSandbox00001';

/** A credential for the bksb sandbox, with its demo keys (from the compiled sandbox). */
export function bksbCredential(url) {
	const { DEMO_ACCESS_KEY_ID, DEMO_SECRET_KEY } = createRequire(import.meta.url)(join(ROOT, 'build/sandbox/bksb/index.js'));
	return { id: BKSB_CREDENTIAL_ID, name: 'bksb (sandbox)', type: 'bksbApi', data: { region: 'custom', url, basePath: '/live2api/api', accessKeyId: DEMO_ACCESS_KEY_ID, secretKey: DEMO_SECRET_KEY } };
}

export function exampleWorkflow(file, filesFolder) {
	const text = readFileSync(join(ROOT, 'examples', file), 'utf8').split(EXAMPLE_FILES).join(filesFolder);
	return JSON.parse(text);
}
