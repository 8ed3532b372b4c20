/**
 * Requests in Parallel by node version: from 1.2 a choice, Auto or Fixed (the number only for
 * Fixed, Auto's cap only for Auto); nodes saved at 1 and 1.1 keep their number. The form is asked
 * of n8n's own NodeHelpers; the run goes through n8n's engine against the sandbox, with a proxy
 * that counts requests in flight. The run's settings are read once, through the checks: a value
 * an expression made wrong stops the run before any request.
 */
import { NodeHelpers, type INodeParameters, type INodeProperties } from 'n8n-workflow';

import { OneFile } from '../../nodes/OneFile/OneFile.node';
import { SEED } from '../../sandbox/onefile';
import { useCountingProxy, useOneFile } from '../harness/onefile';

const description = new OneFile().description;
const onefile = useOneFile();
const counted = useCountingProxy(onefile);

const ids = Array.from({ length: 24 }, (_, i) => SEED.generatedLearners.firstId + i);
const items = ids.map((id) => ({ id }));
const getEach = (options: INodeParameters): INodeParameters => ({
	resource: 'user',
	operation: 'get',
	userId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
	options,
});

/** The request options n8n offers in User → Get's Options for these values, at this version. */
function offered(options: INodeParameters, typeVersion: number): string[] {
	const values: INodeParameters = { resource: 'user', operation: 'get', options };
	const node = { typeVersion };
	const [collection] = description.properties.filter((p) => p.name === 'options' && NodeHelpers.displayParameter(values, p, node, description));
	return ((collection.options ?? []) as INodeProperties[])
		.filter((o) => ['concurrency', 'parallel', 'parallelCount', 'autoCap'].includes(o.name))
		.filter((o) => NodeHelpers.displayParameterPath(values, o, 'options', node, description))
		.map((o) => o.name)
		.sort();
}

describe('the form', () => {
	test('1.2: a choice; Auto\'s cap while Auto (or not yet chosen), the number only for Fixed', () => {
		expect(offered({}, 1.2)).toEqual(['autoCap', 'parallel']);
		expect(offered({ parallel: 'auto' }, 1.2)).toEqual(['autoCap', 'parallel']);
		expect(offered({ parallel: 'fixed' }, 1.2)).toEqual(['parallel', 'parallelCount']);
	});

	test('every operation has Options with the request options (the run reads them before any item)', () => {
		const resources = (description.properties.find((p) => p.name === 'resource')?.options ?? []) as Array<{ value: string }>;
		const missing: string[] = [];
		for (const { value: resource } of resources) {
			const operations = description.properties.filter((p) => p.name === 'operation' && NodeHelpers.displayParameter({ resource }, p, { typeVersion: 1.2 }, description));
			for (const operation of operations.flatMap((p) => (p.options ?? []) as Array<{ value: string }>)) {
				const values: INodeParameters = { resource, operation: operation.value, options: {} };
				const collection = description.properties.find((p) => p.name === 'options' && NodeHelpers.displayParameter(values, p, { typeVersion: 1.2 }, description));
				const names = ((collection?.options ?? []) as INodeProperties[]).map((o) => o.name);
				if (!['parallel', 'autoCap', 'timeout'].every((name) => names.includes(name))) missing.push(`${resource} → ${operation.value}`);
			}
		}
		expect(missing).toEqual([]);
	});

	test('nodes saved at 1 and 1.1 keep the number where 0 is Auto, and the cap', () => {
		expect(offered({}, 1)).toEqual(['autoCap', 'concurrency']);
		expect(offered({ concurrency: 4 }, 1.1)).toEqual(['autoCap', 'concurrency']);
	});
});

describe('the run, by version', () => {
	test('1.2 left alone runs on Auto: more than one at once, and says so after the run', async () => {
		onefile.sandbox.configure({ faults: { latencyMs: 30 } });
		const result = await counted.engine.run({ parameters: getEach({}), items, typeVersion: 1.2 });
		expect(result.json.map((u) => u.ID)).toEqual(ids);
		expect(counted.proxy.maxInFlight()).toBeGreaterThan(1);
		const task = result.run.data.resultData.runData.OneFile?.[0];
		expect(task?.hints?.map((h) => h.message)).toEqual([expect.stringMatching(/^Requests in Parallel \(Auto\) ran up to \d+ at once/)]);
	});

	test('1.2 Fixed keeps exactly its number in flight', async () => {
		onefile.sandbox.configure({ faults: { latencyMs: 30 } });
		const result = await counted.engine.run({ parameters: getEach({ parallel: 'fixed', parallelCount: 3 }), items, typeVersion: 1.2 });
		expect(result.json.map((u) => u.ID)).toEqual(ids);
		expect(counted.proxy.maxInFlight()).toBe(3);
	});

	test('1.2 Fixed without a number sends one after another', async () => {
		onefile.sandbox.configure({ faults: { latencyMs: 20 } });
		await counted.engine.run({ parameters: getEach({ parallel: 'fixed' }), items: items.slice(0, 6), typeVersion: 1.2 });
		expect(counted.proxy.maxInFlight()).toBe(1);
	});

	test('1.2 reads the choice, not the number of older versions the form no longer shows', async () => {
		onefile.sandbox.configure({ faults: { latencyMs: 30 } });
		await counted.engine.run({ parameters: getEach({ concurrency: 1 }), items, typeVersion: 1.2 });
		expect(counted.proxy.maxInFlight()).toBeGreaterThan(1);
	});

	test('a node saved at 1.1 with the number 4 keeps 4 in flight', async () => {
		onefile.sandbox.configure({ faults: { latencyMs: 30 } });
		await counted.engine.run({ parameters: getEach({ concurrency: 4 }), items, typeVersion: 1.1 });
		expect(counted.proxy.maxInFlight()).toBe(4);
	});
});

describe('settings an expression made wrong', () => {
	test.each([
		[{ parallel: 'fixed', parallelCount: '={{ "lots" }}' }, 'Number in Parallel'],
		[{ parallel: '={{ "fast" }}' }, 'Requests in Parallel'],
		[{ autoCap: '={{ 40 }}' }, "Auto's Most in Parallel"],
		[{ timeout: '={{ 0 }}' }, 'Timeout (Seconds)'],
	])('%j stops the run before any request, naming %s and its fix', async (options, label) => {
		onefile.sandbox.reset();
		const result = await counted.engine.run({ parameters: getEach(options as INodeParameters), items: items.slice(0, 3), typeVersion: 1.2 });
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain(label);
		expect(String((result.error as { description?: unknown })?.description)).toContain(label);
		expect(onefile.sandbox.requests()).toHaveLength(0);
	});

	test('with Continue On Fail, every item gets the error, paired to its input', async () => {
		onefile.sandbox.reset();
		const result = await counted.engine.run({
			parameters: getEach({ parallel: 'fixed', parallelCount: '={{ 99 }}' }),
			items: items.slice(0, 3),
			typeVersion: 1.2,
			continueOnFail: true,
		});
		expect(result.items).toHaveLength(3);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		result.json.forEach((json) => expect(String(json.error)).toContain('Number in Parallel'));
		expect(onefile.sandbox.requests()).toHaveLength(0);
	});
});
