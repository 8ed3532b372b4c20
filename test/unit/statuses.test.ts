/** Matching a status given by ID or name against an organisation's list (actions/statuses.ts), pure. */
import { listed, matchStatus, statusName } from '../../nodes/OneFile/actions/statuses';

const statuses = [
	{ id: 1, name: 'In Progress' },
	{ id: 4, name: 'Withdrawn' },
	{ id: 7, name: 'On  hold' },
	{ id: 8, name: 'on hold' },
	{ id: undefined, name: 'Broken' },
];

test.each([
	['4', { ok: true, id: 4, name: 'Withdrawn' }],
	[4, { ok: true, id: 4, name: 'Withdrawn' }],
	['  withdrawn ', { ok: true, id: 4, name: 'Withdrawn' }],
	['IN   progress', { ok: true, id: 1, name: 'In Progress' }],
])('%p matches', (given, expected) => {
	expect(matchStatus(given, statuses)).toEqual(expected);
});

test('no match, an unknown ID, a row without a usable ID, and a name two statuses share are problems', () => {
	expect(matchStatus('Paused', statuses)).toEqual({ ok: false, problem: '"Paused" is not the name of one of the organisation\'s statuses' });
	expect(matchStatus('9', statuses)).toEqual({ ok: false, problem: "9 is not the ID of one of the organisation's statuses" });
	expect(matchStatus('Broken', statuses).ok).toBe(false);
	expect(matchStatus('On Hold', statuses)).toEqual({ ok: false, problem: '"On Hold" is the name of 2 of the organisation\'s statuses (IDs 7, 8)' });
});

test('a row’s name is Name, else Description; the list reads as IDs and names', () => {
	expect(statusName({ ID: 1, Name: ' Achieved ' })).toBe('Achieved');
	expect(statusName({ ID: 1, Description: 'Achieved' })).toBe('Achieved');
	expect(statusName({ ID: 1, Name: '', Description: 'Achieved' })).toBe('Achieved');
	expect(statusName({ ID: 1 })).toBe('');
	expect(listed(statuses.slice(0, 2))).toBe('1 In Progress, 4 Withdrawn');
	expect(listed([])).toBe('it has none');
});
