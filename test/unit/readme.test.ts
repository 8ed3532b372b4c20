/** The README's per-role field table is what ops staff read: it must say what the role table does. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { ALL_ROLES, USER_FIELDS, type Role } from '../../nodes/OneFile/descriptions/roles';

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
const section = readme.slice(readme.indexOf('#### Create'), readme.indexOf('#### Create or Update'));
const COLUMNS: Role[][] = [['learner'], ['employer', 'observer'], ['assessor', 'traineeAssessor', 'iqa']];

test('README User → Create table matches the role table, field by field and role by role', () => {
	// The table headed "| Field |" (the section also holds a table of screenshots).
	const lines = section.split('\n');
	const header = lines.findIndex((line) => line.startsWith('| Field'));
	const end = lines.findIndex((line, i) => i > header && !line.startsWith('|'));
	const rows = lines.slice(header + 2, end < 0 ? undefined : end);
	expect(header).toBeGreaterThan(-1);
	const documented = new Map<string, Record<Role, string>>();
	for (const row of rows) {
		const [fields, ...cells] = row.split('|').slice(1, -1).map((c) => c.trim());
		for (const name of fields.split(', ')) {
			const perRole = {} as Record<Role, string>;
			COLUMNS.forEach((roles, i) => roles.forEach((role) => (perRole[role] = cells[i])));
			documented.set(name, perRole);
		}
	}
	expect([...documented.keys()].sort()).toEqual(USER_FIELDS.map((f) => f.displayName).sort());
	for (const field of USER_FIELDS) {
		for (const role of ALL_ROLES) {
			const expected = field.requiredFor.includes(role) ? 'required' : field.optionalFor.includes(role) ? 'optional' : '—';
			expect(`${field.displayName}/${role}: ${documented.get(field.displayName)?.[role]}`).toBe(`${field.displayName}/${role}: ${expected}`);
		}
	}
});
