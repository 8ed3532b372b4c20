/**
 * Every example workflow is valid as n8n reads it: nodes connected by name, base node types of
 * versions n8n 2.8.4 ships, OneFile nodes whose parameters the node's own description accepts
 * (n8n's NodeHelpers: no issues, nothing it would drop), credentials of the right type.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { NodeHelpers, type INode, type INodeParameters, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { Bksb } from '../../nodes/Bksb/Bksb.node';
import { OneFile } from '../../nodes/OneFile/OneFile.node';
import { OneFileTrigger } from '../../nodes/OneFile/OneFileTrigger.node';

// n8n's loader puts "Poll Times" before a polling node's own parameters (DirectoryLoader).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { commonPollingParameters } = require('n8n-core/dist/nodes-loader/constants') as { commonPollingParameters: INodeProperties[] };
const trigger = new OneFileTrigger().description;
const oneFile = new OneFile().description;

/** What n8n's loader adds to a node with usableAsTool to make its Tool variant (n8n's ai-tools.ts). */
const toolProperties: INodeProperties[] = [
	{ displayName: 'Tool Description', name: 'descriptionType', type: 'options', options: [{ name: 'Set Automatically', value: 'auto' }, { name: 'Set Manually', value: 'manual' }], default: 'auto' },
	{ displayName: 'Description', name: 'toolDescription', type: 'string', default: '', required: true, displayOptions: { show: { descriptionType: ['manual'] } } },
];

const folder = join(__dirname, '../../examples');
const files = readdirSync(folder).filter((f) => f.endsWith('.json'));
const OWN_NODES: Record<string, { description: INodeTypeDescription; credential: string }> = {
	'n8n-nodes-onefile.oneFile': { description: new OneFile().description, credential: 'oneFileApi' },
	'n8n-nodes-onefile.bksb': { description: new Bksb().description, credential: 'bksbApi' },
	'n8n-nodes-onefile.oneFileTrigger': { description: { ...trigger, properties: [...commonPollingParameters, ...trigger.properties] }, credential: 'oneFileApi' },
	'n8n-nodes-onefile.oneFileTool': { description: { ...oneFile, name: 'oneFileTool', properties: [...toolProperties, ...oneFile.properties] }, credential: 'oneFileApi' },
};

/** n8n-nodes-base types and versions the examples use, as n8n 2.8.4 ships them (checked in its dist). */
const BASE_NODES: Record<string, number[]> = {
	'n8n-nodes-base.manualTrigger': [1],
	'n8n-nodes-base.readWriteFile': [1, 1.1],
	'n8n-nodes-base.extractFromFile': [1, 1.1],
	'n8n-nodes-base.convertToFile': [1, 1.1],
	'n8n-nodes-base.set': [3.4],
	'n8n-nodes-base.webhook': [1, 1.1, 2, 2.1],
	'n8n-nodes-base.googleSheets': [4.5, 4.6, 4.7],
	'n8n-nodes-base.googleSheetsTrigger': [1],
	'n8n-nodes-base.merge': [3.2],
	'n8n-nodes-base.filter': [2, 2.1, 2.2, 2.3],
	'n8n-nodes-base.xml': [1],
	'n8n-nodes-base.splitOut': [1],
	'n8n-nodes-base.stickyNote': [1],
	'@n8n/n8n-nodes-langchain.mcpTrigger': [2],
};

interface Workflow {
	id: string;
	name: string;
	nodes: INode[];
	connections: Record<string, Record<string, Array<Array<{ node: string }>>>>;
}

test('there are examples to check', () => {
	expect(files.length).toBeGreaterThanOrEqual(3);
});

describe.each(files)('%s', (file) => {
	const workflow = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Workflow;

	test('has an id, a name and connections between existing nodes', () => {
		expect(workflow.id).toMatch(/^[A-Za-z0-9]{16}$/);
		expect(workflow.name).toMatch(/^OneFile: /);
		const names = new Set(workflow.nodes.map((n) => n.name));
		expect(names.size).toBe(workflow.nodes.length);
		for (const [from, outputs] of Object.entries(workflow.connections)) {
			expect(names.has(from)).toBe(true);
			for (const target of Object.values(outputs).flat(2)) expect(names.has(target.node)).toBe(true);
		}
	});

	test('uses node types and versions n8n ships, or this package’s', () => {
		for (const node of workflow.nodes) {
			if (node.type.startsWith('n8n-nodes-onefile.')) {
				expect(Object.keys(OWN_NODES)).toContain(node.type);
				const versions = [OWN_NODES[node.type].description.version].flat();
				expect(versions).toContain(node.typeVersion);
			} else {
				expect(`${node.type}@${node.typeVersion}`).toBe(`${node.type}@${BASE_NODES[node.type]?.find((v) => v === node.typeVersion) ?? 'not shipped'}`);
			}
		}
	});

	test('this package’s nodes: parameters the node accepts, with its credential', () => {
		for (const node of workflow.nodes.filter((n) => n.type in OWN_NODES)) {
			const { description, credential } = OWN_NODES[node.type];
			const issues = NodeHelpers.getNodeParametersIssues(description.properties, node, description);
			expect({ node: node.name, issues }).toEqual({ node: node.name, issues: null });
			const kept = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) as INodeParameters;
			expect({ node: node.name, dropped: Object.keys(node.parameters).filter((k) => !(k in kept)) }).toEqual({ node: node.name, dropped: [] });
			expect(Object.keys(node.credentials ?? {})).toEqual([credential]);
		}
	});
});
