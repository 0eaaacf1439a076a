import { describe, expect, it } from 'vitest';
import { createNeedInput, createOfferInput } from './validation.ts';

const PERSON = '11111111-1111-4111-8111-111111111111';
const AREA = '22222222-2222-4222-8222-222222222222';
const base = { personId: PERSON, areaId: AREA, category: 'errands', title: 'Boodschappen op dinsdag' };
const firstMessage = (r: { success: boolean; error?: { issues: Array<{ message: string }> } }) => (r.success ? null : r.error!.issues[0]!.message);

// The bad input the issue names, each with its own message.
describe('needs and offers: bad input is refused with a message', () => {
	it('accepts a plain need and a plain offer', () => {
		const need = createNeedInput.parse({ ...base, windows: [{ day: 1, start: 540, end: 720 }], languages: ['bg', 'nl', 'bg'] });
		expect(need.languages).toEqual(['bg', 'nl']);
		expect(need.safeguarded).toBe(false);
		expect(createOfferInput.parse({ ...base, capacity: '2' }).capacity).toBe(2);
	});

	it('refuses an unknown category', () => {
		expect(firstMessage(createNeedInput.safeParse({ ...base, category: 'hacking' }))).toBe('aid_error_category');
	});

	it('refuses a time window that ends before it starts', () => {
		expect(firstMessage(createNeedInput.safeParse({ ...base, windows: [{ day: 1, start: 720, end: 540 }] }))).toBe('aid_error_window_order');
	});

	it('refuses overlapping windows but not touching ones', () => {
		const overlap = [
			{ day: 2, start: 540, end: 660 },
			{ day: 2, start: 600, end: 720 }
		];
		expect(firstMessage(createNeedInput.safeParse({ ...base, windows: overlap }))).toBe('aid_error_window_overlap');
		const touching = [
			{ day: 2, start: 540, end: 600 },
			{ day: 2, start: 600, end: 720 }
		];
		expect(createNeedInput.safeParse({ ...base, windows: touching }).success).toBe(true);
	});

	it('refuses coordinates out of range', () => {
		expect(firstMessage(createNeedInput.safeParse({ ...base, point: { lat: 91, lon: 3.7 } }))).toBe('aid_error_coordinates');
		expect(firstMessage(createNeedInput.safeParse({ ...base, point: { lat: 51, lon: -181 } }))).toBe('aid_error_coordinates');
	});

	it('refuses a capacity of 0 or 10 000', () => {
		expect(firstMessage(createOfferInput.safeParse({ ...base, capacity: 0 }))).toBe('aid_error_capacity');
		expect(firstMessage(createOfferInput.safeParse({ ...base, capacity: 10_000 }))).toBe('aid_error_capacity');
	});

	it('refuses a text of 100 000 characters and control characters', () => {
		expect(firstMessage(createNeedInput.safeParse({ ...base, description: 'x'.repeat(100_000) }))).toBe('error_too_long');
		expect(firstMessage(createNeedInput.safeParse({ ...base, description: 'a\u0000b' }))).toBe('error_characters');
		expect(createNeedInput.parse({ ...base, description: 'line one\nline two' }).description).toBe('line one\nline two');
	});
});
