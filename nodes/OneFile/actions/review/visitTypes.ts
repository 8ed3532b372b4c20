/**
 * A visit's `VisitTypeID` (docs/onefile-api.md §7 [C] C1/C2 send the field; the values are the ones
 * issue #29 names). By ID takes any other whole number a OneFile may have.
 */
export const VISIT_TYPES = [
	{ id: 1, name: 'Not Specified' },
	{ id: 2, name: 'Remote Session' },
	{ id: 3, name: 'Face-to-face' },
] as const;
