#!/usr/bin/env node
/**
 * OneFile as tools for AI agents, proven with no language model: example 8 (n8n's MCP Server
 * Trigger with four OneFile tools whose parameters come from `$fromAI()`) published in a real n8n,
 * and an MCP client (the TypeScript MCP SDK) that lists the tools, reads their names and
 * descriptions, calls each read and checks the answers against the sandbox, then calls the create
 * tool with a missing field: that must come back as a clear tool error, and nothing may be sent.
 *   node e2e/mcp.mjs --n8n 2.8.4 | --n8n newest | --n8n all      (default: all)
 * Ends with `N passed, N failed`; exits 1 on any failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import { checks } from './lib/checks.mjs';
import { exampleWorkflow, sandboxCredential } from './lib/examples.mjs';
import { createInstance, packPackage, startSandbox, stopProcess } from './lib/n8n.mjs';
import { ensureRuntime, NEWEST, run, step } from './lib/runtime.mjs';

const args = process.argv.slice(2);
const wanted = args.includes('--n8n') ? args[args.indexOf('--n8n') + 1] : 'all';
const versions = wanted === 'all' ? ['2.8.4', NEWEST] : [wanted === 'newest' ? NEWEST : wanted];
const { check, finish } = checks();
const EXAMPLE = 'mcp-onefile-tools.json';

const text = (result) => (result?.content ?? []).map((c) => c.text ?? '').join('\n');

async function inspect(origin, what) {
	return await (await fetch(`${origin}/__sandbox/${what}`)).json();
}

/** The MCP endpoint answers once n8n has registered the published workflow's webhooks. */
async function connect(url) {
	let lastError;
	for (let attempt = 0; attempt < 30; attempt++) {
		const client = new Client({ name: 'onefile-e2e', version: '1.0.0' });
		try {
			await client.connect(new StreamableHTTPClientTransport(new URL(url)));
			return client;
		} catch (error) {
			lastError = error;
			await new Promise((resolve) => setTimeout(resolve, 1000));
		}
	}
	throw new Error(`no MCP server at ${url}: ${lastError?.message}`);
}

async function suite(version, index) {
	const runtime = await ensureRuntime(version);
	const work = mkdtempSync(join(tmpdir(), `onefile-mcp-${version}-`));
	const sandbox = await startSandbox(work);
	let child;
	let client;
	try {
		const n8n = createInstance(runtime, { folder: work, port: 5760 + index, brokerPort: 5860 + index });
		await n8n.installPackage(await packPackage(work));
		await n8n.importCredentials([sandboxCredential(sandbox.url)]);
		const workflow = exampleWorkflow(EXAMPLE, n8n.files);
		await n8n.importWorkflow(workflow);
		await n8n.cli(['publish:workflow', `--id=${workflow.id}`]);
		step(`n8n ${version}: starting n8n with example 8 published`);
		child = await n8n.start(join(work, 'n8n.log'));
		const path = workflow.nodes.find((n) => n.type.endsWith('mcpTrigger')).parameters.path;
		client = await connect(`${n8n.url}/mcp/${path}`);

		step(`n8n ${version}: an MCP client lists and calls the OneFile tools`);
		const { tools } = await client.listTools();
		const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
		const expected = workflow.nodes.filter((n) => n.type === 'n8n-nodes-onefile.oneFileTool');
		check(`[n8n ${version}] the MCP server lists the ${expected.length} OneFile tools by name`, expected.every((n) => byName[n.name]), `listed ${tools.map((t) => t.name).join(', ')}`);
		check(`[n8n ${version}] each tool carries the description written for agents`, expected.every((n) => byName[n.name]?.description === n.parameters.toolDescription), JSON.stringify(tools.map((t) => [t.name, t.description])));
		const schema = byName.find_user_by_email?.inputSchema?.properties ?? {};
		check(`[n8n ${version}] the tools' inputs come from $fromAI, with their descriptions`, 'email' in schema && /email address/.test(JSON.stringify(schema.email)) && 'userId' in (byName.get_learner?.inputSchema?.properties ?? {}), JSON.stringify(byName.find_user_by_email?.inputSchema));

		const users = await inspect(sandbox.origin, 'users');
		const learner = users.find((u) => u.OrganisationID === 5740 && u.Role === 1);
		const found = await client.callTool({ name: 'find_user_by_email', arguments: { email: learner.Email } });
		check(`[n8n ${version}] find_user_by_email finds the learner in OneFile (the sandbox)`, !found.isError && text(found).includes(String(learner.ID)), text(found).slice(0, 300));
		const got = await client.callTool({ name: 'get_learner', arguments: { userId: learner.ID } });
		check(`[n8n ${version}] get_learner returns the learner's record, simplified`, !got.isError && text(got).includes(learner.FirstName) && !text(got).includes('"NINO"'), text(got).slice(0, 300));
		const aims = (await inspect(sandbox.origin, 'learning-aims')).filter((a) => a.UserID === learner.ID);
		const listed = await client.callTool({ name: 'list_learning_aims', arguments: { learnerId: learner.ID } });
		check(`[n8n ${version}] list_learning_aims lists the learner's ${aims.length} learning aims`, !listed.isError && aims.length > 0 && aims.every((a) => text(listed).includes(String(a.ID))), text(listed).slice(0, 300));

		const before = (await inspect(sandbox.origin, 'requests')).filter((r) => r.method === 'POST' && r.path === '/User').length;
		const refused = await client.callTool({ name: 'create_assessor', arguments: { firstName: 'Ada', lastName: '', email: 'ada.lovelace@example.com' } });
		const after = (await inspect(sandbox.origin, 'requests')).filter((r) => r.method === 'POST' && r.path === '/User').length;
		check(`[n8n ${version}] create_assessor with a missing last name is a clear tool error`, /Last Name is missing/.test(text(refused)), `isError ${refused.isError}: ${text(refused).slice(0, 300)}`);
		check(`[n8n ${version}] ... and nothing was sent to OneFile`, after === before, `${after - before} creates`);
	} finally {
		await client?.close().catch(() => undefined);
		if (child) await stopProcess(child);
		await stopProcess(sandbox.child);
		if (!process.env.KEEP_E2E) rmSync(work, { recursive: true, force: true });
	}
}

step('building the package and the sandbox');
await run('npm', ['run', 'build'], { quiet: true });
await run('npx', ['tsc', '-p', 'tsconfig.tools.json'], { quiet: true });
for (const [index, version] of versions.entries()) {
	try {
		await suite(version, index);
	} catch (error) {
		check(`[n8n ${version}] MCP suite ran`, false, error.message);
	}
}
finish();
