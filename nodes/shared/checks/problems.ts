/** One thing wrong with an item's input, in the words of the form. */
export interface Problem {
	/** The field as the form labels it: "Email", "Unit". */
	field: string;
	/** Follows the field's name: "is missing", "\"x\" is not an email address". */
	problem: string;
	fix: string;
}

/** Characters that would be read as markup where n8n's editor shows a description as HTML. */
const HTML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
	// n8n's editor turns `text` into <code>text</code> before it sanitises (NodeErrorView's prepareDescription).
	'`': '&#96;',
};

/** Text from a sheet or from OneFile, safe to place inside HTML: a value may hold `<`. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]);
}

const HTML_UNESCAPES: Record<string, string> = {
	'&amp;': '&',
	'&lt;': '<',
	'&gt;': '>',
	'&quot;': '"',
	'&#39;': "'",
	'&#96;': '`',
};

/**
 * A fix list as HTML (fixesAsHtml) back to plain text, one "- " line per fix; any other text is
 * returned as it is. The error item of Continue On Fail lands in sheets and emails, where tags
 * would show as they are.
 */
export function plainDescription(description: string): string {
	if (!/^<ul>/.test(description)) return description;
	return description
		.replace(/<li>/g, '- ')
		.replace(/<\/li>/g, '\n')
		.replace(/<[^>]*>/g, '')
		.replace(/&(amp|lt|gt|quot|#39|#96);/g, (entity) => HTML_UNESCAPES[entity])
		.trim();
}

/**
 * Several fixes as a list n8n's editor shows as one (its error view keeps <ul> and <li>, see
 * ALLOWED_HTML_TAGS in n8n-editor-ui); a single fix stays a plain sentence.
 */
export function fixesAsHtml(fixes: readonly string[]): string {
	if (fixes.length === 1) return fixes[0];
	return `<ul>${fixes.map((fix) => `<li>${escapeHtml(fix)}</li>`).join('')}</ul>`;
}

/** One message for everything wrong with an item, and a description that says how to fix each field. */
export function describeProblems(
	subject: string,
	/** The row; undefined for settings that belong to no row (a trigger's). */
	itemIndex: number | undefined,
	problems: readonly Problem[],
): { message: string; description: string } {
	const list = problems.map((p) => `${p.field} ${p.problem}`).join('; ');
	const row = itemIndex === undefined ? '' : ` [item ${itemIndex}]`;
	// A trigger's settings belong to no row: they are settings, not a row's fields.
	const noun = itemIndex === undefined ? 'settings' : 'fields';
	const message =
		problems.length === 1
			? `${subject}: ${list}${row}`
			: `${subject}: ${problems.length} ${noun} need fixing: ${list}${row}`;
	const description = fixesAsHtml(problems.map((p) => `${p.field}: ${p.fix}.`));
	return { message, description };
}
