import { createHash } from 'node:crypto';

// What "the same contact" means for a resend: the input as the verb read it, minus the client id,
// with object keys sorted, so the order a phone or an API client wrote its JSON in does not matter.

function canonical(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(canonical);
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value)
				.filter(([, v]) => v !== undefined)
				.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
				.map(([k, v]) => [k, canonical(v)])
		);
	return value;
}

/** sha256 (hex) of the canonical input without its clientId. */
export function requestHash(input: Record<string, unknown>): string {
	const { clientId: _clientId, ...rest } = input;
	return createHash('sha256')
		.update(JSON.stringify(canonical(rest)))
		.digest('hex');
}
