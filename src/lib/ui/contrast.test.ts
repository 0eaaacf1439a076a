import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LARGE_MIN, NEAR_BLACK, checkAccent, contrastRatio, luminance, meetsLarge, meetsText, parseHex, shownRatio, tint } from './contrast.ts';

const hexColour = fc
	.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }))
	.map((rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`);

describe('parseHex', () => {
	it('reads #rgb and #rrggbb in any case', () => {
		expect(parseHex('#fff')).toEqual([255, 255, 255]);
		expect(parseHex('#0A7')).toEqual([0, 170, 119]);
		expect(parseHex('#1a2B3c')).toEqual([26, 43, 60]);
	});
	it('refuses anything else', () => {
		for (const bad of ['fff', '#ffff', '#12345', '#1234567', '#ggg', 'red', '', '#ffffff;', 'rgb(0,0,0)']) expect(parseHex(bad), bad).toBeNull();
	});
});

describe('contrast ratio (WCAG 2.x)', () => {
	it('gives the known ratios', () => {
		expect(contrastRatio('#000', '#fff')).toBe(21);
		expect(contrastRatio('#fff', '#fff')).toBe(1);
		expect(contrastRatio('#777', '#fff')).toBeCloseTo(4.48, 2);
		expect(contrastRatio('#767676', '#fff')).toBeCloseTo(4.54, 2);
		expect(contrastRatio('#0000ff', '#ffffff')).toBeCloseTo(8.59, 2);
		expect(contrastRatio('#ff0000', '#ffffff')).toBeCloseTo(4.0, 2);
	});
	it('does not depend on the order of the two colours', () => {
		expect(contrastRatio('#fff', '#767676')).toBe(contrastRatio('#767676', '#fff'));
	});
	it('has the luminance of black 0 and of white 1', () => {
		expect(luminance('#000000')).toBe(0);
		expect(luminance('#FFFFFF')).toBe(1);
	});
	it('stays between 1 and 21 for any pair', () => {
		fc.assert(
			fc.property(hexColour, hexColour, (a, b) => {
				const r = contrastRatio(a, b);
				return r >= 1 && r <= 21;
			})
		);
	});
	it('throws on something that is not a colour, instead of passing it', () => {
		expect(() => contrastRatio('red', '#fff')).toThrow(TypeError);
	});
});

describe('meetsText and meetsLarge', () => {
	it('fails #777 on white for text (4.48) and passes #767676 (4.54)', () => {
		expect(meetsText('#777', '#fff')).toBe(false);
		expect(meetsText('#767676', '#fff')).toBe(true);
	});
	it('judges unrounded, so 4.48 is not read as 4.5', () => {
		expect(shownRatio(contrastRatio('#777', '#fff'))).toBe(4.47);
	});
	it('passes red on white for large text and controls (3:1) but not for text', () => {
		expect(meetsLarge('#ff0000', '#fff')).toBe(true);
		expect(meetsText('#ff0000', '#fff')).toBe(false);
		expect(meetsLarge('#aaa', '#fff')).toBe(false);
	});
});

describe('checkAccent', () => {
	it('puts white on a dark accent that also reads as a link', () => {
		const c = checkAccent('#0B6E4F');
		expect(c).toMatchObject({ accent: '#0b6e4f', onAccent: '#ffffff', linkOk: true, ok: true });
		expect(c.onAccentRatio).toBeGreaterThanOrEqual(4.5);
	});
	it('puts near-black on a light accent, and refuses it: as link text it fails on white', () => {
		const c = checkAccent('#ffcc00');
		expect(c.onAccent).toBe(NEAR_BLACK);
		expect(c.linkOk).toBe(false);
		expect(c.linkRatio).toBeLessThan(4.5);
		expect(c.ok).toBe(false);
	});
	it('refuses a mid grey: neither white (4.48) nor near-black reaches 4.5:1 on it', () => {
		const c = checkAccent('#777');
		expect(c.onAccent).toBeNull();
		expect(c.onAccentRatio).toBeLessThan(4.5);
		expect(c.ok).toBe(false);
	});
	it('accepts exactly the accents whose text and links (on every background) pass', () => {
		fc.assert(
			fc.property(hexColour, (accent) => {
				const c = checkAccent(accent);
				const links = ['#ffffff', '#f5f6f4', '#fff3d4'].every((bg) => meetsText(accent, bg));
				return c.ok === (c.onAccent !== null && meetsText(c.onAccent, accent) && links);
			})
		);
	});
	it('judges links on the least favourable background: an accent that passes on white may fail on the surface', () => {
		// #747474: about 4.7:1 on white, 4.31 on the surface, 4.23 on a warning card.
		expect(checkAccent('#747474', ['#ffffff']).linkOk).toBe(true);
		expect(checkAccent('#747474').linkOk).toBe(false);
	});
});

describe('tint', () => {
	it('mixes the accent over white', () => {
		expect(tint('#000000', 0)).toBe('#ffffff');
		expect(tint('#000000', 1)).toBe('#000000');
		expect(tint('#0b6e4f', 0.12)).toBe('#e2eeea');
	});
	it('keeps near-black text readable on the tint of any accent', () => {
		fc.assert(fc.property(hexColour, (accent) => meetsText(NEAR_BLACK, tint(accent))));
	});
	it('lets an accepted accent stand out from its own tint (a chosen tile’s edge and icon, 3:1)', () => {
		fc.assert(fc.property(hexColour, (accent) => !checkAccent(accent).ok || contrastRatio(accent, tint(accent)) >= LARGE_MIN));
	});
});
