/**
 * n8n's "On Error → Continue (using error output)": a mixed sheet splits into the rows OneFile took
 * (first output) and the rows to fix (second output), each failed row with its error, the fields
 * and fixes, and its own input row, paired to it. Through n8n's engine (WorkflowExecute).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { SEED, seedFor } from '../../sandbox/onefile';
import { byId, useOneFile } from '../harness/onefile';

const onefile = useOneFile();
const org = seedFor(SEED.organisations.keychainOff.id);

const create: INodeParameters = {
	resource: 'user',
	operation: 'create',
	role: 'learner',
	organisationId: byId(org.organisation.id),
	firstName: '={{ $json.first }}',
	lastName: '={{ $json.last }}',
	email: '={{ $json.email }}',
	defaultAssessorId: byId(org.assessors[0].id),
	classroomId: byId(org.classrooms[0].id),
	placementId: byId('={{ $json.placement }}'),
};

const sheet: IDataObject[] = [
	{ row: 1, first: 'Ada', last: 'Good', email: 'ada.good@example.com', placement: org.placements[0].id },
	{ row: 2, first: 'Bad', last: '', email: 'not-an-email', placement: org.placements[0].id },
	{ row: 3, first: 'Cy', last: 'Good', email: 'cy.good@example.com', placement: org.placements[1].id },
	{ row: 4, first: 'Dee', last: 'Elsewhere', email: 'dee@example.com', placement: 999_999 },
	{ row: 5, first: 'Eve', last: 'Good', email: 'eve.good@example.com', placement: org.placements[2].id },
];

test('a mixed sheet splits into created rows and rows to fix, each failed row with its error, fix and input, paired', async () => {
	const result = await onefile.engine.run({ parameters: create, items: sheet, errorOutput: true, typeVersion: 1.2 });
	expect(result.status).toBe('success');
	expect(result.json.map((r) => r.lastName)).toEqual(['Good', 'Good', 'Good']);
	expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 2 }, { item: 4 }]);
	// Before the fix, n8n kept these in the first output: their json held more than `error` and `message`.
	expect(result.errorItems.map((i) => i.pairedItem)).toEqual([{ item: 1 }, { item: 3 }]);
	const [bad, elsewhere] = result.errorItems.map((i) => i.json);
	// Bad input: every field named, with its fix, before any request.
	expect(bad).toEqual(expect.objectContaining({ row: 2, email: 'not-an-email', error: expect.stringMatching(/Last Name is missing/) }));
	expect(String(bad.error)).toMatch(/Email/);
	expect(String(bad.message)).toMatch(/fill it in|Fill in/i);
	// OneFile's refusal, in words, with what to check and its HTTP status.
	expect(elsewhere).toEqual(expect.objectContaining({ row: 4, placement: 999_999, error: expect.stringMatching(/placement \(code -57\)/i), message: expect.stringMatching(/\(HTTP 4\d\d\)/) }));
	// The rows to fix carry nothing but their own columns, the error and the fix: ready for a sheet.
	expect(Object.keys(bad).sort()).toEqual(['email', 'error', 'first', 'last', 'message', 'placement', 'row']);
});

describe('a row with several fields to fix: a list in the editor, plain text in the item', () => {
	const badRow = [sheet[1]];

	test("the node's error description is an HTML list n8n's editor shows as one", async () => {
		const result = await onefile.engine.run({ parameters: create, items: badRow, typeVersion: 1.2 });
		expect(result.status).toBe('error');
		expect(result.error).toEqual(expect.objectContaining({ name: 'NodeOperationError', message: expect.stringMatching(/^Cannot create the Learner: 2 fields need fixing: Last Name is missing; Email "not-an-email" is not an email address \[item 0\]$/) }));
		// <ul> and <li> are in the editor's ALLOWED_HTML_TAGS (n8n-editor-ui, NodeErrorView's sanitizeHtml).
		const description = String((result.error as { description?: unknown }).description);
		expect(description).toMatch(/^<ul><li>Last Name: A Learner must have a Last Name[^<]*<\/li><li>Email: Use an address like name@example\.com[^<]*<\/li><\/ul>$/);
	});

	test('Continue On Fail: the item carries the same fixes as plain text, one line each, no tags', async () => {
		const result = await onefile.engine.run({ parameters: create, items: badRow, continueOnFail: true, typeVersion: 1.2 });
		const item = result.json[0];
		expect(item.error).toMatch(/2 fields need fixing: Last Name is missing; Email "not-an-email"/);
		expect(item.description).toMatch(/^- Last Name: A Learner must have a Last Name[^\n]*\n- Email: Use an address like name@example\.com[^\n]*$/);
		expect(String(item.description)).not.toMatch(/[<>]|&lt;|&amp;/);
	});

	test('error output: the message column is plain text too', async () => {
		const result = await onefile.engine.run({ parameters: create, items: badRow, errorOutput: true, typeVersion: 1.2 });
		const [item] = result.errorItems.map((i) => i.json);
		expect(item).toEqual(expect.objectContaining({ row: 2, error: expect.stringMatching(/Last Name is missing/) }));
		expect(item.message).toMatch(/^- Last Name: [^\n]+\n- Email: Use an address like name@example\.com/);
		expect(String(item.message)).not.toMatch(/[<>]/);
	});
});
