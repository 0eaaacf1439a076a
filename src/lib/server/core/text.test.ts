import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { line, optionalLine } from './text.ts';

describe('single-line text', () => {
	it('refuses NUL and other control characters with a message key', () => {
		for (const bad of ['Ma\u0000ria', 'a\nb', 'tab\there', '\u007f']) {
			const r = line(1, 80).safeParse(bad);
			expect(r.success).toBe(false);
			expect(r.error!.issues[0]!.message).toBe('error_characters');
		}
	});

	it('accepts letters of every script, trimmed', () => {
		expect(line(1, 80).parse('  Георги  ')).toBe('Георги');
		expect(line(1, 80).parse('فاطمة')).toBe('فاطمة');
		expect(optionalLine(80).parse('   ')).toBeNull();
	});

	it('never lets through a control character or a value out of bounds (any string)', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (s) => {
				const r = line(2, 50).safeParse(s);
				if (r.success) {
					// eslint-disable-next-line no-control-regex -- matching control characters is the point
					expect(r.data).not.toMatch(/[\u0000-\u001f\u007f]/);
					expect(r.data.length).toBeGreaterThanOrEqual(2);
					expect(r.data.length).toBeLessThanOrEqual(50);
				} else {
					expect(['error_required', 'error_too_long', 'error_characters']).toContain(r.error.issues[0]!.message);
				}
			}),
			{ numRuns: 500 }
		);
	});
});
