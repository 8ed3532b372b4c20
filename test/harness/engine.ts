/**
 * Runs nodes through n8n's real engine: n8n-workflow's Workflow (parameter defaults,
 * displayOptions, expressions) and n8n-core's WorkflowExecute (execution order, pairing, errors,
 * httpRequestWithAuthentication over axios). Only the credential store is in memory.
 *
 *   const engine = new Engine({ oneFileApi: { environment: 'custom', baseUrl, customerToken } });
 *   const result = await engine.run({ parameters: {...}, items: [{ email: 'a@b.c' }] });
 *   result.json, result.items, result.error
 */
import { dirname } from 'node:path';

import { ExecutionLifecycleHooks, LoadOptionsContext, PollContext, WorkflowExecute } from 'n8n-core';
import {
	createDeferredPromise,
	LoggerProxy,
	NodeHelpers,
	Workflow,
	type ExecutionError,
	type ICredentialDataDecryptedObject,
	type ICredentialType,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodeParameters,
	type INodeType,
	type INodeTypeDescription,
	type INodeTypes,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { OneFileApi } from '../../credentials/OneFileApi.credentials';
import { OneFile } from '../../nodes/OneFile/OneFile.node';
import { InMemoryCredentialsHelper } from './credentials-helper';

export const ONEFILE_TYPE = 'n8n-nodes-onefile.oneFile';

/** Every line n8n logged during this test file's runs (n8n's LoggerProxy, captured). */
export const loggedLines: string[] = [];
const capture = (level: string) => (message: string, meta?: object) => {
	loggedLines.push(`${level} ${message} ${meta ? JSON.stringify(meta) : ''}`);
};
LoggerProxy.init({ error: capture('error'), warn: capture('warn'), info: capture('info'), debug: capture('debug'), verbose: capture('verbose'), scoped: () => LoggerProxy } as unknown as Parameters<typeof LoggerProxy.init>[0]);

/** How many runs were scanned for secrets, and what was found (the soak prints these). */
export const leakScan = { runs: 0, leaks: [] as string[] };
const START_TYPE = 'harness.start';

/** A trigger-like first node that emits the run's input items. */
class StartNode implements INodeType {
	description = {
		displayName: 'Start',
		name: 'start',
		group: ['trigger'],
		version: 1,
		description: 'Emits the test items',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeTypeDescription;

	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

	constructor(items: IDataObject[]) {
		this.execute = async function (this: IExecuteFunctions) {
			return [items.map((json) => ({ json: structuredClone(json) }))];
		};
	}
}

class NodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}

	getByName(type: string): INodeType | IVersionedNodeType {
		const found = this.types[type];
		if (!found) throw new Error(`Unknown node type ${type}`);
		return found;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return {};
	}
}

export interface RunOptions {
	parameters: INodeParameters;
	items?: IDataObject[];
	/** n8n's "On Error: Continue" (continueOnFail). */
	continueOnFail?: boolean;
	nodeName?: string;
	/** The node's version as saved in the workflow; default 1. */
	typeVersion?: number;
	/** n8n's "On Error: Continue (using error output)": failed items go to a second output (`errorItems`). */
	errorOutput?: boolean;
}

export interface RunResult {
	run: IRun;
	status: IRun['status'];
	/** The node's output items, pairedItem included. */
	items: INodeExecutionData[];
	json: IDataObject[];
	/** With `errorOutput`: the items n8n routed to the error output. */
	errorItems: INodeExecutionData[];
	/** The error that stopped the workflow, if any. */
	error?: ExecutionError;
}

export interface EngineOptions {
	/** Node types by type name; defaults to the OneFile node. */
	nodeTypes?: Record<string, INodeType>;
	credentialTypes?: Record<string, ICredentialType>;
}


export interface Poller {
	/** The workflow n8n keeps while the trigger is active: `workflow.staticData` is what n8n stores. */
	workflow: Workflow;
	/** One poll; the emitted items' JSON, or null when the poll emitted nothing. Throws what the poll throws. */
	poll(mode?: 'trigger' | 'manual'): Promise<IDataObject[] | null>;
}

/** One n8n instance's worth of state: node types and a credential store that outlives runs. */
export class Engine {
	readonly credentials: InMemoryCredentialsHelper;

	private readonly nodeTypes: Record<string, INodeType>;

	private runNo = 0;

	constructor(credentialData: Record<string, ICredentialDataDecryptedObject>, options: EngineOptions = {}) {
		this.nodeTypes = options.nodeTypes ?? { [ONEFILE_TYPE]: new OneFile() };
		this.credentials = new InMemoryCredentialsHelper(options.credentialTypes ?? { oneFileApi: new OneFileApi() });
		for (const [type, data] of Object.entries(credentialData)) {
			this.credentials.add({ id: `cred-${type}`, name: `${type} (test)`, type, data });
		}
	}

	/** Loads a dropdown ("From List") the way the editor does, through n8n-core's LoadOptionsContext. */
	async listSearch(method: string, parameters: INodeParameters, filter?: string, paginationToken?: string, type = ONEFILE_TYPE): Promise<INodeListSearchResult> {
		const { workflow } = this.workflow(type, parameters, 'OneFile', false, []);
		const node = workflow.getNode('OneFile');
		if (!node) throw new Error('no node');
		const search = this.nodeTypes[type].methods?.listSearch?.[method];
		if (!search) throw new Error(`No listSearch method ${method}`);
		const context = new LoadOptionsContext(workflow, node, this.additionalData(`harness-load-${++this.runNo}`), '');
		return await search.call(context, filter, paginationToken);
	}

	private workflow(type: string, parameters: INodeParameters, nodeName: string, continueOnFail: boolean, items: IDataObject[], typeVersion = 1, errorOutput = false) {
		const nodeType = this.nodeTypes[type];
		const credentialNames = (nodeType.description.credentials ?? []).map((c) => c.name);
		const nodes: INode[] = [
			{ id: 'start', name: 'Start', type: START_TYPE, typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'under-test',
				name: nodeName,
				type,
				typeVersion,
				position: [200, 0],
				parameters,
				credentials: Object.fromEntries(credentialNames.map((name) => [name, { id: `cred-${name}`, name: `${name} (test)` }])),
				...(errorOutput ? { onError: 'continueErrorOutput' as const } : continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			},
		];
		const connections = { Start: { main: [[{ node: nodeName, type: 'main' as const, index: 0 }]] } };
		const workflow = new Workflow({
			id: 'harness',
			name: 'harness',
			nodes,
			connections,
			active: false,
			nodeTypes: new NodeTypes({ [START_TYPE]: new StartNode(items), ...this.nodeTypes }),
			settings: { executionOrder: 'v1' },
		});
		return { workflow, nodes, connections };
	}

	private additionalData(executionId: string, hooks?: ExecutionLifecycleHooks): IWorkflowExecuteAdditionalData {
		return {
			hooks,
			credentialsHelper: this.credentials,
			executionId,
			currentNodeParameters: undefined,
			executionTimeoutTimestamp: undefined,
			restApiUrl: 'http://localhost:5678/rest',
			instanceBaseUrl: 'http://localhost:5678/',
			webhookBaseUrl: 'webhook',
			webhookWaitingBaseUrl: 'webhook-waiting',
			webhookTestBaseUrl: 'webhook-test',
			formWaitingBaseUrl: 'form-waiting',
			variables: {},
			userId: 'harness-user',
			setExecutionStatus: () => {},
			sendDataToUI: () => {},
			logAiEvent: () => {},
			executeWorkflow: async () => {
				throw new Error('sub-workflows are not part of this harness');
			},
			getRunExecutionData: async () => undefined,
			startRunnerTask: async () => {
				throw new Error('the task runner is not part of this harness');
			},
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	/**
	 * A polling trigger as n8n runs it once its workflow is active: one Workflow kept between polls
	 * (so its static data persists, as n8n keeps it), a real PollContext for each poll, and
	 * n8n-core's TriggersAndPollers.runPoll (what ActiveWorkflows calls on each cron tick).
	 */
	/** A poller for the trigger at its newest version unless `typeVersion` says (a workflow saved earlier). */
	poller(type: string, parameters: INodeParameters, typeVersion?: number): Poller {
		const nodeType = this.nodeTypes[type];
		const credentialNames = (nodeType.description.credentials ?? []).map((c) => c.name);
		const node: INode = {
			id: 'trigger-under-test',
			name: 'Trigger',
			type,
			typeVersion: typeVersion ?? nodeType.description.defaultVersion ?? 1,
			position: [0, 0],
			parameters,
			credentials: Object.fromEntries(credentialNames.map((name) => [name, { id: `cred-${name}`, name: `${name} (test)` }])),
		};
		const workflow = new Workflow({ id: 'harness-trigger', name: 'harness trigger', nodes: [node], connections: {}, active: true, nodeTypes: new NodeTypes(this.nodeTypes), settings: { executionOrder: 'v1' } });
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { TriggersAndPollers } = require('n8n-core/dist/execution-engine/triggers-and-pollers') as { TriggersAndPollers: new () => { runPoll(w: Workflow, n: INode, f: PollContext): Promise<INodeExecutionData[][] | null> } };
		const pollers = new TriggersAndPollers();
		return {
			workflow,
			poll: async (mode: 'trigger' | 'manual' = 'trigger') => {
				const context = new PollContext(workflow, node, this.additionalData(`harness-poll-${++this.runNo}`), mode, 'activate', () => {}, () => {});
				const result = await pollers.runPoll(workflow, node, context);
				const json = result?.[0]?.map((item) => item.json) ?? null;
				this.assertNoSecrets({ json: json ?? [], run: { data: { resultData: { runData: {} } } } as unknown as IRun });
				return json;
			},
		};
	}

	/** The stored credential data of a type, as n8n would hold it in its database. */
	stored(type = 'oneFileApi'): ICredentialDataDecryptedObject {
		const stored = this.credentials.store.get(`cred-${type}`);
		if (!stored) throw new Error(`No ${type} credential`);
		return stored.data;
	}

	async run({ parameters, items = [{}], continueOnFail = false, nodeName = 'OneFile', typeVersion = 1, errorOutput = false }: RunOptions, type = ONEFILE_TYPE): Promise<RunResult> {
		const executionId = `harness-${++this.runNo}`;
		const { workflow, nodes, connections } = this.workflow(type, parameters, nodeName, continueOnFail, items, typeVersion, errorOutput);
		const workflowData = { id: 'harness', name: 'harness', nodes, connections, active: false, settings: {}, createdAt: new Date(), updatedAt: new Date() } as unknown as IWorkflowBase;
		const hooks = new ExecutionLifecycleHooks('manual', executionId, workflowData);
		const finished = createDeferredPromise<IRun>();
		hooks.addHandler('workflowExecuteAfter', (run) => finished.resolve(run));
		const additionalData = this.additionalData(executionId, hooks);

		const start = workflow.getNode('Start');
		if (!start) throw new Error('no start node');
		await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode: start });
		const run = await finished.promise;
		const task = run.data.resultData.runData[nodeName]?.[0];
		const output = task?.data?.main?.[0] ?? [];
		const errorItems = task?.data?.main?.[1] ?? [];
		const result = { run, status: run.status, items: output, json: output.map((item) => item.json), errorItems, error: run.data.resultData.error };
		this.assertNoSecrets(result);
		return result;
	}

	/**
	 * Every secret this credential store has held (password fields: customer token, session
	 * tokens, keys), as n8n would have held them in its database over the runs so far.
	 */
	secrets(): string[] {
		const found = new Set<string>();
		const collect = (type: string, data: ICredentialDataDecryptedObject) => {
			const properties = this.credentials.getCredentialsProperties(type);
			for (const property of properties) {
				const value = data[property.name];
				if (property.typeOptions?.password && typeof value === 'string' && value.length >= 8) found.add(value);
			}
		};
		for (const stored of this.credentials.store.values()) collect(stored.type, stored.data);
		for (const update of this.credentials.updates) collect(this.credentials.store.get(update.id)?.type ?? '', update.data);
		return [...found];
	}

	/** No secret in the node's output, the run's error, its run data or n8n's log: checked on every run. */
	private assertNoSecrets(result: Pick<RunResult, 'json' | 'run'> & { error?: RunResult['error'] }): void {
		leakScan.runs++;
		const haystack = [JSON.stringify(result.json), JSON.stringify(result.error ?? null), JSON.stringify(result.run.data.resultData.runData), ...loggedLines].join('\n');
		const leaked = this.secrets().filter((secret) => haystack.includes(secret));
		if (leaked.length > 0) {
			leakScan.leaks.push(...leaked.map((secret) => `${secret.slice(0, 4)}… (${secret.length} chars)`));
			throw new Error(`A secret of the credential appeared in the run's output, error or log (${leaked.length} value(s), starting ${leaked.map((l) => l.slice(0, 4)).join(', ')})`);
		}
	}
}

/**
 * n8n-core starts a 60 s interval (SSHClientsManager) that is not unref'd, so jest would never
 * exit. Resolve @n8n/di from n8n-core itself: other tools bring a second copy of the container.
 */
export async function shutdownEngine(): Promise<void> {
	const coreDir = dirname(require.resolve('n8n-core/package.json'));
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { Container } = require(require.resolve('@n8n/di', { paths: [coreDir] })) as typeof import('@n8n/di');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager') as { SSHClientsManager: new () => { onShutdown(): void } };
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
}
