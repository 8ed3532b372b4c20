/** One thing wrong with an item's input, in the words of the form. */
export interface Problem {
	/** The field as the form labels it: "Email", "Unit". */
	field: string;
	/** Follows the field's name: "is missing", "\"x\" is not an email address". */
	problem: string;
	fix: string;
}

/** One message for all of an item's problems, and a description that says how to fix each. */
export function describeProblems(
	subject: string,
	/** The row; undefined for settings that belong to no row (a trigger's). */
	itemIndex: number | undefined,
	problems: readonly Problem[],
): { message: string; description: string } {
	const list = problems.map((p) => `${p.field} ${p.problem}`).join('; ');
	const row = itemIndex === undefined ? '' : ` [item ${itemIndex}]`;
	const message =
		problems.length === 1
			? `${subject}: ${list}${row}`
			: `${subject}: ${problems.length} problems: ${list}${row}`;
	const description = problems.map((p) => `${p.field}: ${p.fix}.`).join('\n');
	return { message, description };
}
