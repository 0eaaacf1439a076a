import { describe, expect, it } from 'vitest';
import { fromForm, hhmm, mapIntent, minutes, pointFromClick, pointInArea } from './form.ts';
import { createNeedInput, createOfferInput } from './validation.ts';
import wijken from '../seed/gent-wijken.json' with { type: 'json' };
import { contains, fitProjection, project, readBoundary } from '../../aid/map.ts';
import { addDays, todayInBelgium } from '../core/index.ts';

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
			fromForm(
				{
					category: 'errands',
					title: 'Shopping',
					areaId: A,
					w0_day: '1',
					w0_start: '09:00',
					w0_end: '12:00',
					w1_day: '',
					languages: ['bg', 'nl'],
					safeguarded: 'on'
				},
				P
			)
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

describe('specific days on the need and offer forms', () => {
	const base = { category: 'moving', title: 'Moving boxes', areaId: A };
	const day = (n: number) => addDays(todayInBelgium(), n);

	it('reads day rows, times optional, skipping empty rows', () => {
		const values = { ...base, d0_date: day(10), d0_start: '', d0_end: '', d1_date: day(12), d1_start: '09:00', d1_end: '13:00' };
		expect(fromForm(values, P).dates).toEqual([
			{ date: day(10), start: undefined, end: undefined },
			{ date: day(12), start: 540, end: 780 }
		]);
		expect(createNeedInput.parse(fromForm(values, P)).dates).toEqual([{ date: day(10) }, { date: day(12), start: 540, end: 780 }]);
		expect(fromForm({ ...base, d0_date: '', d0_start: '', d0_end: '', d1_date: ' ' }, P).dates).toEqual([]);
		expect(createOfferInput.parse(fromForm({ ...base, capacity: '1', d1_date: day(0) }, P)).dates).toEqual([{ date: day(0) }]);
	});

	it('keeps a half-filled row so that validation says what is missing', () => {
		const err = (values: Record<string, string>) => createNeedInput.safeParse(fromForm({ ...base, ...values }, P)).error?.issues[0];
		expect(err({ d0_start: '09:00', d0_end: '10:00' })).toMatchObject({ path: ['dates', 0, 'date'], message: 'error_required' });
		expect(err({ d0_date: day(3), d0_start: '09:00' })?.message).toBe('aid_error_date_times');
		expect(err({ d0_date: day(3), d0_start: '12:00', d0_end: '09:00' })?.message).toBe('aid_error_window_order');
		expect(err({ d0_date: day(3), d0_start: '25:00', d0_end: '26:00' })?.message).toBe('aid_error_time');
		expect(err({ d0_date: day(-1) })?.message).toBe('aid_error_date_past');
		expect(err({ d0_date: day(400) })?.message).toBe('aid_error_date_far');
		expect(err({ d0_date: 'morgen' })?.message).toBe('error_date');
		expect(err({ d0_date: day(3), d1_date: day(3) })?.message).toBe('aid_error_date_duplicate');
	});
});

describe('the point picked on the map', () => {
	const rabot = readBoundary(wijken.features[0]!.geometry)!;
	const p = fitProjection(rabot);
	const inside = project(p, { lat: 51.0635, lon: 3.712 });
	const click = (x: number | string, y: number | string) => ({ title: 'Shopping', 'map.x': String(x), 'map.y': String(y) });

	it('tells a map click and "remove the place" from saving', () => {
		expect(mapIntent(click(10, 10))).toBe('click');
		expect(mapIntent({ title: 'x', 'map.y': '3' })).toBe('click');
		expect(mapIntent({ title: 'x', point: 'clear', lat: '51.06', lon: '3.71' })).toBe('clear');
		expect(mapIntent({ title: 'x', lat: '51.06', lon: '3.71' })).toBe('save');
		expect(mapIntent({ title: 'x' })).toBe('save');
	});

	it('turns a click in CSS pixels into a place inside the area, within a pixel of where it was clicked', () => {
		const r = pointFromClick(click(Math.round(inside.x), Math.round(inside.y)), rabot);
		expect('point' in r && r.point).toBeTruthy();
		const point = (r as { point: { lat: number; lon: number } }).point;
		expect(contains(rabot, point)).toBe(true);
		expect(Math.abs(point.lat - 51.0635)).toBeLessThan(0.0001);
		expect(Math.abs(point.lon - 3.712)).toBeLessThan(0.0001);
		// Rounded to 6 decimals: the hidden fields stay short.
		expect(String(point.lat)).toMatch(/^51\.\d{1,6}$/);
		// The place then goes through the form's hidden lat/lon like any other.
		const input = createNeedInput.parse(
			fromForm({ category: 'errands', title: 'Shopping', areaId: A, lat: String(point.lat), lon: String(point.lon) }, P)
		);
		expect(input.point).toEqual(point);
	});

	it('refuses a click outside the outline, a keyboard "click" at 0,0, and anything that is not a pixel of the picture', () => {
		expect(pointFromClick(click(318, 318), rabot)).toEqual({ error: 'map_error_outside' });
		expect(pointFromClick(click(0, 0), rabot)).toEqual({ error: 'map_error_keyboard' });
		for (const [x, y] of [
			['-5', '10'],
			['abc', '10'],
			['', ''],
			['321', '100'],
			['100', '99999'],
			['1e2', '100'],
			['NaN', 'NaN']
		])
			expect(pointFromClick(click(x!, y!), rabot), `${x},${y}`).toEqual({ error: 'map_error_click' });
		expect(pointFromClick({ 'map.x': ['100', '200'], 'map.y': '150' }, rabot)).not.toHaveProperty('error', 'map_error_click');
	});

	it('checks a saved point against the chosen area, when the area has a boundary', () => {
		expect(pointInArea({ lat: 51.0635, lon: 3.712 }, rabot)).toBe(true);
		expect(pointInArea({ lat: 51.0675, lon: 3.731 }, rabot)).toBe(false);
		expect(pointInArea({ lat: 51.0675, lon: 3.731 }, null)).toBe(true);
	});

	it('refuses hidden coordinates off the globe, and half a point', () => {
		const base = { category: 'errands', title: 'Shopping', areaId: A };
		const bad = createNeedInput.safeParse(fromForm({ ...base, lat: '91', lon: '3.71' }, P));
		expect(bad.error?.issues[0]).toMatchObject({ path: ['point', 'lat'], message: 'aid_error_coordinates' });
		for (const half of [
			{ lat: '51.06', lon: 'east' },
			{ lat: '51.06', lon: '' },
			{ lat: '', lon: '3.71' },
			{ lat: ' ', lon: '3.71' }
		])
			expect(createNeedInput.safeParse(fromForm({ ...base, ...half }, P)).error?.issues[0]?.message, JSON.stringify(half)).toBe(
				'aid_error_coordinates'
			);
		expect(fromForm({ ...base, lat: '', lon: '' }, P).point).toBeNull();
	});
});
