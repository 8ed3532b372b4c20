/**
 * Sheet-like values for every kind of OneFile user field, each tagged with whether OneFile's
 * contract (docs/onefile-api.md §3, §5) accepts it. Written from the reference, not from the node.
 */
import fc from 'fast-check';

export interface Tagged {
	value: unknown;
	/** false: the node must refuse the row, naming this field. */
	ok: boolean;
	/** true: the field counts as not given (blank). */
	blank?: boolean;
}

const ok = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<Tagged> => arb.map((value) => ({ value, ok: true }));
const bad = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<Tagged> => arb.map((value) => ({ value, ok: false }));
const blank: fc.Arbitrary<Tagged> = fc.constantFrom<unknown>(null, '', '   ', undefined).map((value) => ({ value, ok: true, blank: true }));

const NAME_CHARS = ['a', 'Z', 'é', 'ø', 'Ł', 'ñ', 'ü', "'", '-', ' ', 'Ō', 'ß', '李', 'م', 'Ä'];
const name = fc.array(fc.constantFrom(...NAME_CHARS), { minLength: 1, maxLength: 40 }).map((c) => `N${c.join('')}`);
const longText = fc.integer({ min: 100, max: 300 }).map((n) => 'L'.repeat(n));

const text = fc.oneof({ weight: 6, arbitrary: ok(fc.oneof(name, longText, fc.integer({ min: 1, max: 999999 }), fc.constant('Line 1\nLine 2'))) }, { weight: 1, arbitrary: blank }, { weight: 1, arbitrary: bad(fc.constantFrom({ a: 1 }, ['x'], true)) });

const emailLocal = fc.stringMatching(/^[a-z][a-z0-9.]{0,12}[a-z0-9]$/);
const email = fc.oneof(
	{ weight: 6, arbitrary: ok(fc.tuple(emailLocal, fc.constantFrom('example.com', 'college.ac.uk', 'mail.example.org')).map(([l, d]) => `${l}@${d}`)) },
	{ weight: 1, arbitrary: ok(fc.tuple(emailLocal).map(([l]) => `  ${l}@example.com `)) },
	{ weight: 2, arbitrary: bad(fc.constantFrom('amira@', '@example.com', 'amira example.com', 'amira@example', 'a b@example.com', 12345, true)) },
);

const date = fc.oneof(
	{ weight: 4, arbitrary: ok(fc.date({ min: new Date('1950-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).chain((d) => fc.constantFrom(d.toISOString().slice(0, 10), `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`, d.toISOString()))) },
	{ weight: 1, arbitrary: blank },
	{ weight: 2, arbitrary: bad(fc.constantFrom('31/02/2001', '2001-13-01', 'next Tuesday', '09/23/2001', '2001/02/30', 20010923, 'yesterday')) },
);

/** A date of birth: the person 15 to 95 years old today; in the future or making them 5 or 120 is a mistake. */
const year = new Date().getUTCFullYear();
const birthDate = fc.oneof(
	{ weight: 4, arbitrary: ok(fc.date({ min: new Date(`${year - 95}-01-01`), max: new Date(`${year - 15}-12-31`), noInvalidDate: true }).chain((d) => fc.constantFrom(d.toISOString().slice(0, 10), `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`))) },
	{ weight: 1, arbitrary: blank },
	{ weight: 2, arbitrary: bad(fc.constantFrom('2100-01-01', `${year + 1}-03-01`, `${year - 5}-06-01`, `${year - 120}-06-01`, '31/02/2001', 'next Tuesday')) },
);

const bool = fc.oneof({ weight: 4, arbitrary: ok(fc.constantFrom(true, false, 'yes', 'No', 'TRUE', '1', '0', 1, 0)) }, { weight: 1, arbitrary: blank }, { weight: 1, arbitrary: bad(fc.constantFrom('maybe', 'sometimes', 2)) });

const uln = fc.oneof({ weight: 4, arbitrary: ok(fc.stringMatching(/^[0-9]{10}$/).chain((d) => fc.constantFrom(d, `${d.slice(0, 5)} ${d.slice(5)}`, Number(`1${d.slice(1)}`)))) }, { weight: 1, arbitrary: blank }, { weight: 1, arbitrary: bad(fc.constantFrom('123', '12345678901', 'ABCDEFGHIJ')) });

const nino = fc.oneof({ weight: 4, arbitrary: ok(fc.stringMatching(/^[A-Z]{2}[0-9]{6}[A-D]$/).chain((n) => fc.constantFrom(n, n.toLowerCase(), `${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6, 8)} ${n[8]}`))) }, { weight: 1, arbitrary: blank }, { weight: 1, arbitrary: bad(fc.constantFrom('Q1234567', 'QQ123456', 'QQ123456E')) });

/** An ID: one of the given existing IDs, in the shapes sheets send, or something that is not an ID. */
export function id(existing: readonly number[]): fc.Arbitrary<Tagged> {
	return fc.oneof(
		{ weight: 6, arbitrary: ok(fc.constantFrom(...existing).chain((n) => fc.constantFrom<unknown>(n, String(n), ` ${n} `))) },
		{ weight: 2, arbitrary: bad(fc.constantFrom('abc', '12.5', 0, -4, '1e3', true)) },
	);
}

export const byKind = { text, multiline: text, email, date, birthDate, dateTime: date, boolean: bool, uln, nino } as const;

/** A required value: blank counts as wrong (missing). */
export function required(arb: fc.Arbitrary<Tagged>): fc.Arbitrary<Tagged> {
	return fc.oneof({ weight: 8, arbitrary: arb }, { weight: 1, arbitrary: blank.map((t) => ({ ...t, ok: false })) }).map((t) => (t.blank ? { ...t, ok: false } : t));
}
