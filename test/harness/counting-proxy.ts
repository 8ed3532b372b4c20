/**
 * A loopback proxy in front of a sandbox that counts requests in flight, to show how many
 * requests a node really keeps open at once (the sandbox only logs arrivals).
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CountingProxy {
	/** The sandbox URL rewritten to go through the proxy. */
	url: string;
	maxInFlight(): number;
	resetCounts(): void;
	close(): Promise<void>;
}

export async function startCountingProxy(targetUrl: string): Promise<CountingProxy> {
	const target = new URL(targetUrl);
	let inFlight = 0;
	let max = 0;
	const server: Server = createServer((incoming, outgoing) => {
		inFlight++;
		max = Math.max(max, inFlight);
		const done = () => {
			inFlight--;
		};
		const forward = request(
			{ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
			(answer) => {
				outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(outgoing);
				answer.on('end', done);
			},
		);
		forward.on('error', () => {
			done();
			outgoing.destroy();
		});
		incoming.pipe(forward);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${target.pathname}`,
		maxInFlight: () => max,
		resetCounts: () => {
			max = 0;
		},
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
