import type { IDataObject } from 'n8n-workflow';

/** bksb's SimpleDateTime for a checked date (`2001-09-23T00:00:00.000Z`): `{Year, Month, Day, …}` at midnight. Pure. */
export function simpleDateTime(isoDate: string): IDataObject {
	const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
	return { Year: year, Month: month, Day: day, Hour: 0, Minute: 0, Second: 0, Millisecond: 0 };
}
