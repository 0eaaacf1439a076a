import { describe, expect, it } from 'vitest';
import { certificateStatus } from './certificate-dates.ts';
import { addDays, addYears, todayInBelgium } from '../core/index.ts';
import { certificateBody } from './validation.ts';

describe('certificate dates', () => {
	it('says valid, expiring within 30 days, expired (the last day still counts) or none', () => {
		const today = '2026-11-23';
		expect(certificateStatus(null, today)).toBe('none');
		expect(certificateStatus('2026-11-22', today)).toBe('expired');
		expect(certificateStatus('2026-11-23', today)).toBe('expiring');
		expect(certificateStatus('2026-12-23', today)).toBe('expiring');
		expect(certificateStatus('2026-12-24', today)).toBe('valid');
	});
});

describe('the certificate schema', () => {
	const today = todayInBelgium();
	const fields = (v: unknown) => {
		const r = certificateBody.safeParse(v);
		return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
	};

	it('accepts a check of today valid for three or five years', () => {
		expect(fields({ checkedOn: today, validUntil: addYears(today, 3) })).toEqual({});
		expect(fields({ checkedOn: '2024-02-29', validUntil: '2029-02-28' })).toEqual({});
	});

	it('names the field and the reason of every refusal', () => {
		expect(fields({ checkedOn: addDays(today, 1), validUntil: addYears(today, 1) })).toEqual({ checkedOn: 'cert_error_future' });
		expect(fields({ checkedOn: today, validUntil: today })).toEqual({ validUntil: 'aid_error_certificate_dates' });
		expect(fields({ checkedOn: '2024-02-29', validUntil: '2029-03-01' })).toEqual({ validUntil: 'cert_error_too_long' });
		expect(fields({ checkedOn: '2025-02-30', validUntil: '2026-01-01' })).toEqual({ checkedOn: 'error_date' });
		expect(fields({ checkedOn: '', validUntil: 'soon' })).toEqual({ checkedOn: 'error_required', validUntil: 'error_date' });
		expect(fields({})).toEqual({ checkedOn: 'error_required', validUntil: 'error_required' });
	});
});
