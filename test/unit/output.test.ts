import { shapeOutput } from '../../nodes/shared/descriptions/output';

const record = { ID: 5, FirstName: 'Amira', Email: 'amira@example.com', NINO: 'QQ123456C', Notes: 'long' };

test('Output: Simplified keeps the main fields, Raw everything, Selected the fields listed (any case)', () => {
	expect(shapeOutput(record, 'simplified', ['ID', 'FirstName', 'Email'], [])).toEqual({ ID: 5, FirstName: 'Amira', Email: 'amira@example.com' });
	expect(shapeOutput(record, 'raw', ['ID'], [])).toBe(record);
	expect(shapeOutput(record, 'selected', ['ID'], ['email', 'id', 'nope'])).toEqual({ Email: 'amira@example.com', ID: 5 });
});
