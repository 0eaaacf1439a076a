import { describe, expect, it } from 'vitest';
import { layOutSeries, seriesDays, slotOn } from './series.ts';
import { belgianClock } from '../core/index.ts';

const local = (d: Date) => {
	const c = belgianClock(d);
	return `${c.day} ${String(Math.floor(c.minute / 60)).padStart(2, '0')}:${String(c.minute % 60).padStart(2, '0')}`;
};

describe('layOutSeries', () => {
	it('keeps a weekly 14:00 at 14:00 local across the March clock change', () => {
		// 2026: summer time starts Sunday 29 March.
		const slots = layOutSeries({ recurrence: 'weekly', startsOn: '2026-03-18', endsOn: '2026-04-08', startTime: '14:00', durationMinutes: 120 });
		expect(slots.map((s) => local(s.startsAt))).toEqual(['2026-03-18 14:00', '2026-03-25 14:00', '2026-04-01 14:00', '2026-04-08 14:00']);
		// Winter time is UTC+1, summer time UTC+2: the UTC hour moves, the local one does not.
		expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
			'2026-03-18T13:00:00.000Z',
			'2026-03-25T13:00:00.000Z',
			'2026-04-01T12:00:00.000Z',
			'2026-04-08T12:00:00.000Z'
		]);
		expect(slots.every((s) => s.endsAt.getTime() - s.startsAt.getTime() === 120 * 60_000)).toBe(true);
	});

	it('keeps a weekly 14:00 at 14:00 local across the October clock change', () => {
		// 2026: winter time starts Sunday 25 October.
		const slots = layOutSeries({ recurrence: 'weekly', startsOn: '2026-10-21', endsOn: '2026-11-01', startTime: '14:00', durationMinutes: 90 });
		expect(slots.map((s) => local(s.startsAt))).toEqual(['2026-10-21 14:00', '2026-10-28 14:00']);
		expect(slots.map((s) => s.startsAt.toISOString())).toEqual(['2026-10-21T12:00:00.000Z', '2026-10-28T13:00:00.000Z']);
		expect(local(slots[1]!.endsAt)).toBe('2026-10-28 15:30');
	});

	it('lays out a biweekly series every other week, the end day included', () => {
		expect(seriesDays({ recurrence: 'biweekly', startsOn: '2026-01-05', endsOn: '2026-02-16' })).toEqual([
			'2026-01-05',
			'2026-01-19',
			'2026-02-02',
			'2026-02-16'
		]);
	});

	it('puts a monthly series on the 31st on the last day of shorter months, then back on the 31st', () => {
		expect(seriesDays({ recurrence: 'monthly', startsOn: '2026-01-31', endsOn: '2026-05-31' })).toEqual([
			'2026-01-31',
			'2026-02-28',
			'2026-03-31',
			'2026-04-30',
			'2026-05-31'
		]);
		// A leap year's February.
		expect(seriesDays({ recurrence: 'monthly', startsOn: '2028-01-31', endsOn: '2028-02-29' })).toEqual(['2028-01-31', '2028-02-29']);
	});

	it('takes picked dates in order, once each', () => {
		const slots = layOutSeries({
			recurrence: 'dates',
			startsOn: '2026-05-01',
			endsOn: null,
			startTime: '10:00',
			durationMinutes: 60,
			dates: ['2026-07-01', '2026-05-01', '2026-07-01']
		});
		expect(slots.map((s) => local(s.startsAt))).toEqual(['2026-05-01 10:00', '2026-07-01 10:00']);
		expect(() => seriesDays({ recurrence: 'dates', startsOn: '2026-05-01', endsOn: null, dates: [] })).toThrow(
			expect.objectContaining({ status: 422, fields: { dates: 'act_error_dates' } })
		);
	});

	it('refuses an end before the start, a missing end and too many sessions', () => {
		expect(() => seriesDays({ recurrence: 'weekly', startsOn: '2026-05-10', endsOn: '2026-05-09' })).toThrow(
			expect.objectContaining({ status: 422, fields: { endsOn: 'act_error_ends_before' } })
		);
		expect(() => seriesDays({ recurrence: 'weekly', startsOn: '2026-05-10', endsOn: null })).toThrow(
			expect.objectContaining({ fields: { endsOn: 'error_required' } })
		);
		// 400 sessions at most: weekly for ten years is 522.
		expect(() => seriesDays({ recurrence: 'weekly', startsOn: '2026-01-01', endsOn: '2035-12-31' })).toThrow(
			expect.objectContaining({ fields: { endsOn: 'act_error_too_many_sessions' } })
		);
		expect(seriesDays({ recurrence: 'weekly', startsOn: '2026-05-10', endsOn: '2026-05-10' })).toEqual(['2026-05-10']);
	});

	it('places a one-off session on the local clock', () => {
		const s = slotOn('2026-07-15', '09:30', 45);
		expect([s.startsAt.toISOString(), s.endsAt.toISOString()]).toEqual(['2026-07-15T07:30:00.000Z', '2026-07-15T08:15:00.000Z']);
	});
});
