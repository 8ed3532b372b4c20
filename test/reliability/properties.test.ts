/**
 * Property-based input test: random rows per role, every field a sheet-like value (numbers as
 * text, blanks, nulls, unicode, long text, malformed emails and dates). Each row must end either
 * as a request OneFile's contract accepts (the sandbox, in strict mode, records any violation) or
 * as an error naming the row and a wrong field, with no request sent. And a row with nothing wrong
 * must never be refused. PROPERTY_CASES sets the size (CI: 600, seed-fixed; the soak: 12,000).
 */
import fc from 'fast-check';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { ALL_ROLES, requiredFields, ROLES, USER_FIELDS, type Role, type UserField } from '../../nodes/OneFile/descriptions/roles';
import { SEED, seedFor } from '../../sandbox/onefile';
import { useOneFile } from '../harness/onefile';
import { byKind, id, required, type Tagged } from './generators';

const optionalFields = (role: Role): UserField[] => USER_FIELDS.filter((f) => f.optionalFor.includes(role));
const CASES = Number(process.env.PROPERTY_CASES ?? 600);
const SEED_VALUE = Number(process.env.PROPERTY_SEED ?? 20261123);
const onefile = useOneFile();
const org = seedFor(SEED.organisations.keychainOff.id);

const EXISTING: Record<string, readonly number[]> = {
	organisationId: [org.organisation.id],
	defaultAssessorId: org.assessors.map((a) => a.id),
	classroomId: org.classrooms.map((c) => c.id),
	placementId: org.placements.map((p) => p.id),
	defaultEmployerId: org.employers.map((e) => e.id),
	providerId: org.providers.map((p) => p.id),
	learnerStatusId: org.learnerStatuses.map((s) => s.id),
};

function arbitraryFor(field: UserField): fc.Arbitrary<Tagged> {
	// A status by name is looked up (a read) before the write: the IDs alone keep "refused rows send nothing" exact.
	if (field.kind === 'id' || field.kind === 'idOrName') return id(EXISTING[field.param] ?? [1]);
	return byKind[field.kind as keyof typeof byKind];
}

/**
 * A row of tagged values for the role's fields (the Telephone column marks the row). Half the
 * rows use only acceptable values, so a wrongly refused good row cannot hide among the bad ones.
 */
function rowArbitrary(role: Role): fc.Arbitrary<Record<string, Tagged>> {
	const row = (onlyGood: boolean) => {
		const fields: Record<string, fc.Arbitrary<Tagged>> = {};
		const pick = (arb: fc.Arbitrary<Tagged>) => (onlyGood ? arb.filter((t) => t.ok) : arb);
		for (const field of requiredFields(role)) fields[field.param] = pick(required(arbitraryFor(field)));
		for (const field of optionalFields(role)) if (field.param !== 'telephone') fields[field.param] = pick(arbitraryFor(field));
		return fc.record(fields);
	};
	return fc.oneof(row(true), row(false));
}

function parameters(role: Role): INodeParameters {
	const expr = (param: string) => `={{ $json.${param} }}`;
	const parameters: INodeParameters = { resource: 'user', operation: 'create', role };
	for (const field of requiredFields(role)) parameters[field.param] = field.locator ? { __rl: true, mode: 'id', value: expr(field.param) } : expr(field.param);
	parameters.additionalFields = Object.fromEntries(optionalFields(role).map((f) => [f.param, expr(f.param)]));
	return parameters;
}

const FIELD_NAMES = new Map<string, string>();
for (const role of ALL_ROLES) for (const f of [...requiredFields(role), ...optionalFields(role)]) FIELD_NAMES.set(f.param, f.displayName);

describe.each(ALL_ROLES)('%s rows', (role) => {
	test(`${Math.ceil(CASES / ALL_ROLES.length)} generated rows: accepted exactly as the contract says, or refused naming the row and field`, async () => {
		const rows = fc.sample(rowArbitrary(role), { seed: SEED_VALUE + ALL_ROLES.indexOf(role), numRuns: Math.ceil(CASES / ALL_ROLES.length) });
		const items: IDataObject[] = rows.map((row, i) => {
			const item: IDataObject = { telephone: `row-${i}` };
			for (const [param, tagged] of Object.entries(row)) if (tagged.value !== undefined) item[param] = tagged.value as IDataObject[string];
			return item;
		});
		const result = await onefile.engine.run({ parameters: parameters(role), items, continueOnFail: true });
		expect(result.json).toHaveLength(rows.length);

		const sent = new Map<string, number>();
		for (const request of onefile.sandbox.requests().filter((r) => r.method === 'POST' && r.path === '/User')) {
			const marker = String((request.body as IDataObject | undefined)?.Telephone);
			sent.set(marker, (sent.get(marker) ?? 0) + 1);
			expect({ marker, status: request.status }).toEqual({ marker, status: 200 });
		}
		expect(onefile.sandbox.contractViolations()).toEqual([]);

		const problems: string[] = [];
		rows.forEach((row, i) => {
			const wrong = Object.entries(row).filter(([, t]) => !t.ok).map(([param]) => FIELD_NAMES.get(param) as string);
			const out = result.json[i];
			const requests = sent.get(`row-${i}`) ?? 0;
			if (wrong.length === 0) {
				if (out.error !== undefined || requests !== 1) problems.push(`row ${i} is valid but got ${JSON.stringify(out.error ?? `${requests} requests`)}: ${JSON.stringify(items[i])}`);
				return;
			}
			const message = String(out.error ?? '');
			const pattern = new RegExp(`^Cannot create the ${ROLES[role].name.replace(/[/]/g, '\\/')}: .+ \\[item ${i}\\]$`);
			if (!pattern.test(message) || !wrong.some((name) => message.includes(name)) || requests !== 0) {
				problems.push(`row ${i} has wrong ${wrong.join(', ')} but got ${JSON.stringify(out.error ?? 'success')} after ${requests} requests: ${JSON.stringify(items[i])}`);
			}
		});
		expect(problems.slice(0, 5)).toEqual([]);
		// Not vacuous: both kinds of row occur in every batch.
		const valid = rows.filter((row) => Object.values(row).every((t) => t.ok)).length;
		expect(valid).toBeGreaterThan(rows.length / 20);
		expect(rows.length - valid).toBeGreaterThan(rows.length / 5);
		expect(result.items.map((item) => item.pairedItem)).toEqual(rows.map((_, item) => ({ item })));
	});
});
