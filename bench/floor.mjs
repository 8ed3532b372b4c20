/**
 * The floor: the same "create learner" requests from a bare Node.js client, with no n8n at all,
 * against the same sandbox. A new connection per request, as n8n's HTTP helper makes (it gives
 * every request an agent of its own), and at most K in flight. What is left above the latency
 * limit here is the sandbox's own work, timers and loopback: no n8n node can go below it.
 */
import http from 'node:http';

import { learnerBody } from './workflows.mjs';

function send(url, method, headers, body) {
	return new Promise((resolve, reject) => {
		const request = http.request(new URL(url), { method, headers: { 'Content-Type': 'application/json', ...headers }, agent: new http.Agent() }, (response) => {
			let text = '';
			response.setEncoding('utf8');
			response.on('data', (chunk) => (text += chunk));
			response.on('end', () => resolve({ status: response.statusCode, text }));
		});
		request.on('error', reject);
		request.end(body);
	});
}

/** Signs in, then sends N creates with up to K in flight; returns the time from the sign-in to the last answer. */
export async function floorRun({ baseUrl, customerToken, n, k }) {
	const started = performance.now();
	const signIn = await send(`${baseUrl}/Authentication`, 'POST', { 'X-CustomerToken': customerToken });
	if (signIn.status !== 200) throw new Error(`floor client: sign-in answered ${signIn.status}`);
	const session = signIn.text.trim();
	let next = 0;
	let failed = 0;
	const worker = async () => {
		while (next < n) {
			const i = next++;
			const answer = await send(`${baseUrl}/User`, 'POST', { 'X-TokenID': session }, JSON.stringify(learnerBody({ first: `Floor${i}`, last: 'Learner', email: `floor.${i}@example.com` })));
			if (answer.status !== 200) failed++;
		}
	};
	await Promise.all(Array.from({ length: Math.min(k, n) }, worker));
	return { ms: performance.now() - started, failed };
}
