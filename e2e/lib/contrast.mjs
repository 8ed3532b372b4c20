/**
 * Icon contrast as the browser suite measures it: the node icons drawn by Chromium at 16×16 CSS px
 * on the editor's own background, read back from a screenshot's pixels.
 *
 * Definition (issue #30: "icons that read at 16 px on light and dark themes, contrast at least 4.5:1"):
 * - the background is the colour the screenshot shows around the icons, i.e. the computed
 *   background of the panel the icon sits on, as rendered;
 * - the icon's mark colour is its dominant colour: the most common exact colour among the icon's
 *   16×16 = 256 pixels that is not the background (a channel more than 2 apart), and it must cover
 *   at least 20 % of those pixels (anti-aliased edge pixels never do). For these icons that is the
 *   rounded square, the outer shape that has to stand out from the page;
 * - contrast is WCAG 2's: (L1 + 0.05) / (L2 + 0.05), L the relative luminance of the sRGB colour.
 */

export const ICON_PX = 16;
export const MIN_CONTRAST = 4.5;
/** Share of the icon's pixels the mark colour must cover to count as its dominant colour. */
export const DOMINANT_SHARE = 0.2;
const CELL = 32;
const PAD = 8;

/** WCAG 2 relative luminance of [r, g, b] (0–255). */
export function luminance([r, g, b]) {
	const linear = (c) => {
		const s = c / 255;
		return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

export function contrastRatio(a, b) {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (light + 0.05) / (dark + 0.05);
}

export const hex = (rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;

/** The first opaque background colour at or behind `element` (a locator), as CSS gives it. */
export async function backgroundBehind(locator) {
	return await locator.evaluate((element) => {
		for (let node = element; node; node = node.parentElement) {
			const colour = getComputedStyle(node).backgroundColor;
			const alpha = /rgba?\(([^)]+)\)/.exec(colour)?.[1].split(',')[3];
			if (colour && colour !== 'transparent' && (alpha === undefined || Number(alpha) === 1)) return colour;
		}
		return getComputedStyle(document.body).backgroundColor;
	});
}

/**
 * Draws the icons at 16×16 CSS px on `background`, each in its own 32 px cell, in a strip on top of
 * the page; screenshots the strip (saved to `file`) and measures each icon from its pixels.
 */
export async function measureIcons(page, { sources, background, file }) {
	const strip = await page.evaluate(
		async ({ sources, background, size, cell, pad }) => {
			document.getElementById('onefile-icon-strip')?.remove();
			const div = document.createElement('div');
			div.id = 'onefile-icon-strip';
			Object.assign(div.style, { position: 'fixed', left: '0px', top: '0px', zIndex: '2147483647', width: `${cell * sources.length}px`, height: `${cell}px`, background, margin: '0', padding: '0' });
			for (const [index, src] of sources.entries()) {
				const img = document.createElement('img');
				img.src = src;
				Object.assign(img.style, { position: 'absolute', left: `${index * cell + pad}px`, top: `${pad}px`, width: `${size}px`, height: `${size}px` });
				div.appendChild(img);
			}
			document.body.appendChild(div);
			await Promise.all([...div.querySelectorAll('img')].map((img) => img.decode()));
			return { width: cell * sources.length, height: cell, dpr: window.devicePixelRatio };
		},
		{ sources, background, size: ICON_PX, cell: CELL, pad: PAD },
	);
	const png = await page.screenshot({ path: file, clip: { x: 0, y: 0, width: strip.width, height: strip.height } });
	// The screenshot's pixels, decoded by the page itself (no PNG package needed).
	const { width, data } = await page.evaluate(async (base64) => {
		const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
		const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
		const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
		const context = canvas.getContext('2d');
		context.drawImage(bitmap, 0, 0);
		return { width: bitmap.width, data: Array.from(context.getImageData(0, 0, bitmap.width, bitmap.height).data) };
	}, png.toString('base64'));
	await page.evaluate(() => document.getElementById('onefile-icon-strip')?.remove());
	const scale = strip.dpr;
	const pixel = (x, y) => {
		const at = (y * width + x) * 4;
		return [data[at], data[at + 1], data[at + 2]];
	};
	// The background as rendered: the strip's top-left pixel, outside every icon.
	const page_ = pixel(0, 0);
	const near = (a, b) => a.every((c, i) => Math.abs(c - b[i]) <= 2);
	return sources.map((src, index) => {
		const counts = new Map();
		let total = 0;
		for (let y = PAD * scale; y < (PAD + ICON_PX) * scale; y++) {
			for (let x = (index * CELL + PAD) * scale; x < (index * CELL + PAD + ICON_PX) * scale; x++) {
				total++;
				const rgb = pixel(x, y);
				if (near(rgb, page_)) continue;
				const key = hex(rgb);
				counts.set(key, { rgb, n: (counts.get(key)?.n ?? 0) + 1 });
			}
		}
		const [top] = [...counts.values()].sort((a, b) => b.n - a.n);
		const share = top ? top.n / total : 0;
		const mark = top && share >= DOMINANT_SHARE ? top.rgb : undefined;
		return { src, background: hex(page_), mark: mark && hex(mark), share, ratio: mark ? contrastRatio(mark, page_) : 0 };
	});
}
