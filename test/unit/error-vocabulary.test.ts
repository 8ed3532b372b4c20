/**
 * One vocabulary for every error, fix and field description (issue #30): the people who read them
 * run a training provider's data, not code. Words they should never meet:
 * - "problems": say how many fields need fixing, and name them;
 * - "below": name the thing (the field, "OneFile's answer (in the error details)");
 * - "internal error": say whose side failed and what to do;
 * - "concurrency": the option is Requests in Parallel, and words use its displayed name.
 *
 * Every string literal and template text in nodes/ and credentials/ is read with TypeScript's own
 * scanner, so comments (which may use these words for developers) are never looked at. Strings
 * without a space are names n8n stores in saved workflows (the `concurrency` parameter,
 * `options.concurrency`): they are not shown as text and must not change.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '../..');
const BANNED = /\bproblems\b|\bbelow\b|\binternal error\b|\bconcurrency\b/i;

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return files(path);
		return /\.(ts|json)$/.test(name) ? [path] : [];
	});
}

/** The text of every string literal and template part of a TypeScript source; comments are not tokens. */
export function stringsOf(source: string, fileName = 'x.ts'): string[] {
	const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
	const found: string[] = [];
	const visit = (node: ts.Node): void => {
		if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
		if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
		else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node))
			found.push(node.text);
		ts.forEachChild(node, visit);
	};
	visit(file);
	return found;
}

function jsonStrings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(jsonStrings);
	if (value && typeof value === 'object') return Object.values(value).flatMap(jsonStrings);
	return [];
}

/** "file: text" for each user-facing string holding a banned word. */
export function bannedIn(path: string, source: string): string[] {
	const strings = path.endsWith('.json') ? jsonStrings(JSON.parse(source)) : stringsOf(source, path);
	return strings
		.filter((text) => /\s/.test(text) && BANNED.test(text))
		.map((text) => `${relative(ROOT, path)}: ${text}`);
}

test('no error, fix, hint or description in nodes/ or credentials/ says "problems", "below", "internal error" or "concurrency"', () => {
	const sources = [...files(join(ROOT, 'nodes')), ...files(join(ROOT, 'credentials'))];
	expect(sources.length).toBeGreaterThan(50);
	const found = sources.flatMap((path) => bannedIn(path, readFileSync(path, 'utf8')));
	expect(found).toEqual([]);
});

describe('the guard itself', () => {
	test('catches each word in a string, a template and a NodeOperationError', () => {
		const source = [
			"const a = { fix: \"Check the fields named in OneFile's answer below, then run the item again.\" };",
			'const b = `${subject}: ${list.length} problems: ${list}`;',
			"throw new NodeOperationError(node, 'OneFile had an Internal Error');",
			"const d = { description: 'Lower the concurrency' };",
		].join('\n');
		expect(bannedIn(join(ROOT, 'nodes/x.ts'), source)).toEqual([
			"nodes/x.ts: Check the fields named in OneFile's answer below, then run the item again.",
			'nodes/x.ts:  problems: ',
			'nodes/x.ts: OneFile had an Internal Error',
			'nodes/x.ts: Lower the concurrency',
		]);
	});

	test('leaves comments, identifiers and stored parameter names alone', () => {
		const source = [
			'// Runs up to `concurrency` at a time; problems are kept below.',
			'/** Every problems list, below the limit. */',
			"const concurrency = readConcurrency(this, 'options.concurrency');",
			"const option = { name: 'concurrency', url: 'https://example.com/problems' };",
			'const { problems } = check; // the problems',
		].join('\n');
		expect(bannedIn(join(ROOT, 'nodes/x.ts'), source)).toEqual([]);
	});

	test('reads node JSON (codex) files too', () => {
		expect(bannedIn(join(ROOT, 'nodes/x.json'), '{"alias": ["see the fields below"]}')).toEqual(['nodes/x.json: see the fields below']);
	});
});
