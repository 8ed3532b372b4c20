/**
 * Requests start one after another, each after the one before has had an event-loop poll in
 * which to connect and be sent: otherwise answers that arrive together make requests that go out
 * together, and a run with K in flight falls into lockstep rounds (bench/README.md).
 */
import { createServer, connect, type Server } from 'node:net';

import { requestStart } from '../../nodes/OneFile/transport/pacing';

let server: Server;
let port: number;

beforeAll(async () => {
	server = createServer((socket) => socket.destroy());
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	port = (server.address() as { port: number }).port;
});
afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
});

/** Lets any earlier chain of starts run out. */
const settle = async () => await new Promise((resolve) => setTimeout(resolve, 20));

test('starts asked for in one turn are granted in order, one at a time', async () => {
	await settle();
	const order: number[] = [];
	await Promise.all([0, 1, 2, 3, 4].map(async (i) => {
		await requestStart();
		order.push(i);
	}));
	expect(order).toEqual([0, 1, 2, 3, 4]);
});

test('a connection opened by one start is made before the next start is granted', async () => {
	await settle();
	const events: string[] = [];
	const first = requestStart().then(() => {
		events.push('start 1');
		const socket = connect(port, '127.0.0.1', () => {
			events.push('connected 1');
			socket.destroy();
		});
		socket.on('error', () => {});
	});
	const second = requestStart().then(() => events.push('start 2'));
	await Promise.all([first, second]);
	expect(events).toEqual(['start 1', 'connected 1', 'start 2']);
});

test('a start with none before it is granted at once, before any timer', async () => {
	await settle();
	const events: string[] = [];
	const timer = new Promise<void>((resolve) => setTimeout(() => (events.push('timer'), resolve()), 0));
	await requestStart();
	events.push('start');
	await timer;
	expect(events).toEqual(['start', 'timer']);
});
