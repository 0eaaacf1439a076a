import { describe, expect, it } from 'vitest';
import { fromForm, hhmm, minutes } from './form.ts';
import { createNeedInput, createOfferInput } from './validation.ts';

const P = '11111111-1111-4111-8111-111111111111';
const A = '22222222-2222-4222-8222-222222222222';

describe('need and offer forms', () => {
	it('reads times and back', () => {
		expect(minutes('09:30')).toBe(570);
		expect(minutes('24:00')).toBe(1440);
		expect(minutes('25:00')).toBeNaN();
		expect(minutes('9h')).toBeNaN();
		expect(hhmm(570)).toBe('09:30');
	});
	it('turns a filled form into a valid need, skipping empty window rows', () => {
		const input = createNeedInput.parse(
			fromForm({ category: 'errands', title: 'Shopping', areaId: A, w0_day: '1', w0_start: '09:00', w0_end: '12:00', w1_day: '', languages: ['bg', 'nl'], safeguarded: 'on' }, P)
		);
		expect(input.windows).toEqual([{ day: 1, start: 540, end: 720 }]);
		expect(input.languages).toEqual(['bg', 'nl']);
		expect(input.safeguarded).toBe(true);
		expect(input.point).toBeNull();
	});
	it('refuses a half-filled window, a window that ends before it starts, and overlapping windows', () => {
		const base = { category: 'errands', title: 'Shopping', areaId: A };
		expect(createNeedInput.safeParse(fromForm({ ...base, w0_day: '1', w0_start: '09:00' }, P)).success).toBe(false);
		const backwards = createNeedInput.safeParse(fromForm({ ...base, w0_day: '1', w0_start: '12:00', w0_end: '09:00' }, P));
		expect(backwards.error?.issues[0]?.message).toBe('aid_error_window_order');
		const overlap = createNeedInput.safeParse(
			fromForm({ ...base, w0_day: '1', w0_start: '09:00', w0_end: '12:00', w1_day: '1', w1_start: '11:00', w1_end: '13:00' }, P)
		);
		expect(overlap.error?.issues[0]?.message).toBe('aid_error_window_overlap');
	});
	it('reads an offer’s capacity and refuses 0 and 10 000', () => {
		const base = { category: 'repairs', title: 'Small repairs', areaId: A };
		expect(createOfferInput.parse(fromForm({ ...base, capacity: '2' }, P)).capacity).toBe(2);
		expect(createOfferInput.safeParse(fromForm({ ...base, capacity: '0' }, P)).error?.issues[0]?.message).toBe('aid_error_capacity');
		expect(createOfferInput.safeParse(fromForm({ ...base, capacity: '10000' }, P)).error?.issues[0]?.message).toBe('aid_error_capacity');
	});
});
