import { createUserBody, updateUserBody } from '../../nodes/OneFile/helpers/userBody';
import { describeProblems, plainDescription } from '../../nodes/shared/checks/problems';
import { isBlank, normaliseValue } from '../../nodes/shared/checks/values';

describe('values as spreadsheets send them', () => {
	test.each([
		['id', '5740', 5740],
		['id', ' 5740 ', 5740],
		['id', 5740, 5740],
		['email', ' amira@example.com ', 'amira@example.com'],
		['date', '2001-09-23', '2001-09-23T00:00:00.000Z'],
		['date', '23/09/2001', '2001-09-23T00:00:00.000Z'],
		['date', '2001-09-23T23:30:00+01:00', '2001-09-23T00:00:00.000Z'],
		['date', new Date(Date.UTC(2001, 8, 23, 15)), '2001-09-23T00:00:00.000Z'],
		['dateTime', '2025-09-01T09:30:00Z', '2025-09-01T09:30:00.000Z'],
		['dateTime', '2025-09-01', '2025-09-01T00:00:00.000Z'],
		['boolean', 'Yes', true],
		['boolean', '0', false],
		['boolean', false, false],
		['uln', '12345 67890', '1234567890'],
		['nino', 'qq 12 34 56 c', 'QQ123456C'],
		['text', 12345, '12345'],
		['text', '  Amira ', 'Amira'],
		['dateTime', '2025-03-30T09:00:00+01:00', '2025-03-30T08:00:00.000Z'],
		['dateTime', '2025-03-30T09:00:00.5Z', '2025-03-30T09:00:00.500Z'],
		['dateTime', '30/03/2025', '2025-03-30T00:00:00.000Z'],
		['textId', ' KS_COMM1 ', 'KS_COMM1'],
	] as const)('%s %p → %p', (kind, raw, expected) => {
		expect(normaliseValue(kind, raw, 'OneFile')).toEqual({ ok: true, value: expected });
	});

	test.each([
		['id', 'abc'],
		['id', '12.5'],
		['id', 0],
		['id', -3],
		['id', '99999999999999999999'],
		['email', 'amira@'],
		['email', 'amira khan@example.com'],
		['date', '31/02/2001'],
		['date', '2001-13-01'],
		['date', 'next Tuesday'],
		['date', '09/23/2001'],
		['boolean', 'maybe'],
		['uln', '123'],
		['nino', 'Q1234567'],
		['text', { a: 1 }],
		['text', ['a']],
		['text', true],
		['date', '2001-09-23 lol'],
		['date', '1850-01-01'],
		['date', '2101-01-01'],
		['dateTime', '2001-02-30T10:00:00Z'],
		['dateTime', '2001-09-23T24:00:00Z'],
		['dateTime', '2001-09-23T10:00:00Z junk'],
		['dateTime', '2001-09-23T10:00:00+25:00'],
		['dateTime', '1850-01-01T10:00:00Z'],
		['textId', '..'],
		['textId', '.'],
	] as const)('%s rejects %p with a fix', (kind, raw) => {
		const result = normaliseValue(kind, raw, 'OneFile');
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.problem).toMatch(/is not/);
			expect(result.fix.length).toBeGreaterThan(10);
		}
	});

	test('blank means not given', () => {
		for (const raw of [undefined, null, '', '   ']) expect(isBlank(raw)).toBe(true);
		for (const raw of [0, false, 'x']) expect(isBlank(raw)).toBe(false);
	});
});

describe('create body from the role table', () => {
	const learner = { organisationId: '1001', firstName: 'Amira', lastName: 'Khan', email: 'amira@example.com', defaultAssessorId: 5740, classroomId: '15379', placementId: 2041 };

	test('a learner with optional fields becomes the documented PascalCase body', () => {
		const { body, problems } = createUserBody('learner', learner, { uln: '1234567890', startOn: '01/09/2025', misId: '', supportFunding: 'yes' });
		expect(problems).toEqual([]);
		expect(body).toEqual({
			Role: 1, OrganisationID: 1001, FirstName: 'Amira', LastName: 'Khan', Email: 'amira@example.com',
			DefaultAssessorID: 5740, ClassroomID: 15379, PlacementID: 2041, ULN: '1234567890', StartOn: '2025-09-01T00:00:00.000Z', SupportFunding: true,
		});
	});

	test('every missing mandatory field is named at once', () => {
		const { problems } = createUserBody('learner', { ...learner, classroomId: '', placementId: undefined }, {});
		expect(problems.map((p) => `${p.field} ${p.problem}`)).toEqual(['Classroom is missing', 'Placement is missing']);
		expect(problems[0].fix).toMatch(/A Learner must have a Classroom/);
	});

	test('a learner-only field is refused for staff, naming the roles that take it', () => {
		const { problems } = createUserBody('assessor', { organisationId: 1001, firstName: 'A', lastName: 'B', email: 'a@b.co' }, { uln: '1234567890' });
		expect(problems).toEqual([{ field: 'ULN', problem: 'does not apply to a Assessor / Tutor', fix: expect.stringMatching(/only takes it for Learner/) }]);
	});

	test('update sends only the changed fields and refuses the organisation', () => {
		expect(updateUserBody({ defaultAssessorId: '5741', misId: 'NEW1', email: '' })).toEqual({ body: { DefaultAssessorID: 5741, MISID: 'NEW1' }, problems: [] });
		expect(updateUserBody({ organisationId: 1 }).problems[0].problem).toMatch(/cannot|not a field/);
	});

	test('the message names the item and every field; the description says how to fix each', () => {
		const { message, description } = describeProblems('Cannot create the Learner', 3, [
			{ field: 'Email', problem: '"x" is not an email address', fix: 'Use an address like name@example.com' },
			{ field: 'Classroom', problem: 'is missing', fix: 'Pick one' },
		]);
		expect(message).toBe('Cannot create the Learner: 2 fields need fixing: Email "x" is not an email address; Classroom is missing [item 3]');
		expect(description).toBe('<ul><li>Email: Use an address like name@example.com.</li><li>Classroom: Pick one.</li></ul>');
		expect(plainDescription(description)).toBe('- Email: Use an address like name@example.com.\n- Classroom: Pick one.');
	});

	test('one fix stays a plain sentence, in the editor and in the error item', () => {
		const { message, description } = describeProblems('Cannot create the Learner', 0, [{ field: 'Email', problem: 'is missing', fix: 'Fill in the Email' }]);
		expect(message).toBe('Cannot create the Learner: Email is missing [item 0]');
		expect(description).toBe('Email: Fill in the Email.');
		expect(plainDescription(description)).toBe(description);
	});

	test('text from a sheet or OneFile inside the list is escaped, and comes back whole as plain text', () => {
		const { description } = describeProblems('Cannot update the learning aim', 2, [
			{ field: 'Status', problem: 'is not one of the statuses', fix: 'Use one of: 1 <b>Done</b> & "Dusted", 2 `Held`' },
			{ field: 'Learner', problem: 'is missing', fix: 'Pick one' },
		]);
		expect(description).toBe('<ul><li>Status: Use one of: 1 &lt;b&gt;Done&lt;/b&gt; &amp; &quot;Dusted&quot;, 2 &#96;Held&#96;.</li><li>Learner: Pick one.</li></ul>');
		expect(plainDescription(description)).toBe('- Status: Use one of: 1 <b>Done</b> & "Dusted", 2 `Held`.\n- Learner: Pick one.');
	});

	test("a trigger's settings are settings, not a row's fields", () => {
		const { message } = describeProblems('The OneFile Trigger cannot watch for changes', undefined, [
			{ field: 'Roles', problem: 'has no role chosen, so the trigger has no one to watch', fix: 'Choose at least one role to watch' },
			{ field: 'Organisation', problem: 'is missing', fix: 'Pick one' },
		]);
		expect(message).toBe('The OneFile Trigger cannot watch for changes: 2 settings need fixing: Roles has no role chosen, so the trigger has no one to watch; Organisation is missing');
	});
});
