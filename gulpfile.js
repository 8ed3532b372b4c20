/**
 * Static assets for the build. `tsc` compiles the TypeScript and emits the codex
 * `*.node.json` files; this copies every icon beside the compiled files that point at it:
 *  - icons/**            -> dist/icons/**  (node and credential icons use `file:../icons/...`)
 *  - nodes/**, credentials/** SVG/PNG -> same relative place in dist/
 * The old n8n starter copied only nodes/** and credentials/**, which left top-level icons broken.
 */
const { src, dest, parallel } = require('gulp');

const ICON_GLOBS = ['icons/**/*.{svg,png}', 'nodes/**/*.{svg,png}', 'credentials/**/*.{svg,png}'];

function copyIcons() {
	// `base: '.'` keeps the relative folder, so icons/onefile.svg lands at dist/icons/onefile.svg;
	// `allowEmpty` because nodes/ and credentials/ may hold no icons of their own.
	return src(ICON_GLOBS, { base: '.', allowEmpty: true, encoding: false }).pipe(dest('dist'));
}

exports['build:icons'] = parallel(copyIcons);
exports.default = exports['build:icons'];
