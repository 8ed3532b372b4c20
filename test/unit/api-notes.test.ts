/**
 * The API notes the code cites are in the repository, and every section it cites exists. A
 * citation is the section sign followed by a number (`docs/onefile-api.md` then the sign and `3.4`);
 * it resolves against the notes file named before it on the same line, else against the bksb notes
 * in bksb files and the OneFile notes everywhere else. It must match a numbered heading there.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../..');
const NOTES = { onefile: 'docs/onefile-api.md', bksb: 'docs/bksb-api.md' } as const;
type Notes = keyof typeof NOTES;

/** Section numbers of a notes file: `## 3. Title` gives 3, `### 3.4 Title` gives 3.4. */
function sections(file: string): Set<string> {
	const found = new Set<string>();
	for (const line of readFileSync(join(ROOT, file), 'utf8').split('\n')) {
		const match = /^#{1,6}\s+(\d+(?:\.\d+)*)\.?\s/.exec(line);
		if (match) found.add(match[1]);
	}
	return found;
}

const SIGN = '\u00a7';
const CITATION = new RegExp(`${SIGN}\\s?(\\d+(?:\\.\\d+)*)(?:\\s?[\u2013-]\\s?(\\d+(?:\\.\\d+)*))?`, 'g');

interface Citation {
	where: string;
	notes: Notes;
	section: string;
}

/** The citations in one text, with the notes each resolves against. */
export function citationsIn(path: string, text: string): Citation[] {
	const fallback: Notes = /bksb/i.test(path) ? 'bksb' : 'onefile';
	const result: Citation[] = [];
	text.split('\n').forEach((line, index) => {
		for (const match of line.matchAll(CITATION)) {
			const before = line.slice(0, match.index);
			const onefileAt = before.lastIndexOf('onefile-api.md');
			const bksbAt = before.lastIndexOf('bksb-api.md');
			const notes: Notes = onefileAt < 0 && bksbAt < 0 ? fallback : onefileAt > bksbAt ? 'onefile' : 'bksb';
			for (const section of [match[1], match[2]].filter((s): s is string => s !== undefined)) {
				result.push({ where: `${path}:${index + 1}`, notes, section });
			}
		}
	});
	return result;
}

const TEXT = /\.(ts|js|mjs|cjs|md|json|ya?ml)$/;
function files(dir: string): string[] {
	return readdirSync(join(ROOT, dir)).flatMap((name) => {
		const path = `${dir}/${name}`;
		if (name === 'node_modules') return [];
		if (statSync(join(ROOT, path)).isDirectory()) return files(path);
		return TEXT.test(name) ? [path] : [];
	});
}

const scanned = [...['nodes', 'sandbox', 'test', 'docs'].flatMap(files), 'README.md'];
const known: Record<Notes, Set<string>> = { onefile: sections(NOTES.onefile), bksb: sections(NOTES.bksb) };
const all = scanned.flatMap((path) => citationsIn(path, readFileSync(join(ROOT, path), 'utf8')));

test('both notes files are in the repository, with numbered sections', () => {
	expect(known.onefile.size).toBeGreaterThan(20);
	expect(known.bksb.size).toBeGreaterThan(5);
	for (const section of ['1', '2', '3.2', '3.4', '3.7', '4.1', '4.4', '5.2', '5.3', '5.4', '6.2', '7']) {
		expect(known.onefile).toContain(section);
	}
});

test('the scan finds the citations (it is not vacuous)', () => {
	expect(scanned).toContain('nodes/OneFile/descriptions/roles.ts');
	expect(all.length).toBeGreaterThan(50);
});

test(`every ${SIGN} citation in nodes/, sandbox/, test/, docs/ and README.md resolves to a heading of its notes`, () => {
	const broken = all.filter((c) => !known[c.notes].has(c.section)).map((c) => `${c.where}: ${NOTES[c.notes]} ${SIGN}${c.section}`);
	expect(broken).toEqual([]);
});

test('the resolver flags a missing section, and reads the notes named on the line', () => {
	const cited = citationsIn('nodes/X.ts', `// docs/onefile-api.md ${SIGN}99.1; docs/bksb-api.md ${SIGN}5.1 and ${SIGN}3.4${'\u2013'}3.5`);
	expect(cited.map((c) => `${c.notes} ${c.section}`)).toEqual(['onefile 99.1', 'bksb 5.1', 'bksb 3.4', 'bksb 3.5']);
	expect(known.onefile.has('99.1')).toBe(false);
	expect(citationsIn('sandbox/bksb/model.ts', `(${SIGN}2)`)[0].notes).toBe('bksb');
});

test('the notes are cited by their path in the repository, never from outside it', () => {
	const outside: string[] = [];
	const self = 'test/unit/api-notes.test.ts';
	for (const path of [...scanned, ...['scripts', 'e2e', 'bench'].flatMap(files), 'ARCHITECTURE.md', 'CHANGELOG.md', 'RELEASING.md']) {
		if (path === self) continue;
		readFileSync(join(ROOT, path), 'utf8').split('\n').forEach((line, index) => {
			// A link between files of docs/ may name its neighbour: `[docs/onefile-api.md](onefile-api.md)`.
			const own = line.replace(/docs\/(onefile|bksb)-api\.md/g, '').replace(path.startsWith('docs/') ? /\]\((onefile|bksb)-api\.md/g : /$^/, '](');
			const bare = /(^|[^/\w.-])(onefile|bksb)-api\.md/.test(own);
			if (bare || /shared\/reference|\/work\/shared/.test(line)) outside.push(`${relative(ROOT, join(ROOT, path))}:${index + 1}: ${line.trim()}`);
		});
	}
	expect(outside).toEqual([]);
});
