/**
 * Organisation → Check Compatibility: against the sandbox playing each reading of what OneFile does
 * not document, the check reports that reading and names the sandbox setting that plays it. Read-only.
 */
import type { IDataObject } from 'n8n-workflow';

import { SEED, seedFor } from '../../sandbox/onefile';
import { byId, calls, useOneFile } from '../harness/onefile';
import { call, signIn } from '../sandbox/client';

const onefile = useOneFile();
const org = seedFor(SEED.organisations.keychainOff.id);

async function check(): Promise<{ findings: Array<Record<string, string>>; json: IDataObject }> {
	const result = await onefile.engine.run({ parameters: { resource: 'organisation', operation: 'checkCompatibility', organisationId: byId(org.organisation.id) } });
	expect(result.json).toHaveLength(1);
	const json = result.json[0];
	return { findings: json.findings as Array<Record<string, string>>, json };
}

const settings = (findings: Array<Record<string, string>>) => findings.map((f) => f.sandboxSetting);

test.each([
	[{ stampPrecision: 'ms', lastModifiedFilter: 'atOrAfter', searchRows: 'summary', clockOffsetMs: 0 }, ['clockOffsetMs: 0', "searchRows: 'summary'", "stampPrecision: 'ms'", "lastModifiedFilter: 'atOrAfter'"]],
	[{ stampPrecision: 'second', lastModifiedFilter: 'after', searchRows: 'summary', clockOffsetMs: -120_000 }, ['clockOffsetMs: -120000', "searchRows: 'summary'", "stampPrecision: 'second' (or 'secondRounded')", "lastModifiedFilter: 'after'"]],
	[{ stampPrecision: 'ms', lastModifiedFilter: 'ignored', searchRows: 'withLastModified', clockOffsetMs: 5_000 }, ['clockOffsetMs: 5000', "searchRows: 'withLastModified'", "stampPrecision: 'ms'", "lastModifiedFilter: 'ignored'"]],
] as const)('OneFile playing %j: each finding names that setting', async (contract, expected) => {
	onefile.sandbox.configure({ contract });
	// Fresh stamps, written as this OneFile writes them (the seed's are whole seconds).
	const token = await signIn(onefile.sandbox);
	for (const learner of org.learners) await call(onefile.sandbox, 'POST', `/User/${learner.id}`, { token, body: { MISID: `COMPAT-${learner.id}` } });
	const { findings, json } = await check();
	expect(settings(findings).slice(0, 4)).toEqual(expected);
	expect(findings[4].answer).toMatch(/^yes \(HTTP 200\)$/);
	expect(json.answerTimesMs).toEqual(expect.objectContaining({ requests: 5 }));
	// Read-only: searches and record reads.
	expect(calls(onefile.sandbox).filter((c) => !c.startsWith('POST /User/') || c.startsWith('POST /User/Search')).every((c) => /^(POST \/Authentication|POST \/User\/Search\/1\/50|GET \/User\/\d+|POST \/Classroom\/Search\/1\/1) 20[04]$/.test(c))).toBe(true);
});

test('stamps OneFile writes in another form are reported as such, and the trigger compares content', async () => {
	onefile.sandbox.configure({ contract: { lastModifiedStyle: 'ukDate' } });
	const { findings } = await check();
	expect(findings[2]).toEqual(expect.objectContaining({ answer: expect.stringMatching(/^not ISO 8601 \(99\/99\/9999/), triggerDoes: "compares the record's content instead" }));
	expect(findings).toHaveLength(4);
});
