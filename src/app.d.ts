import type { Actor } from '#lib/server/core/context.ts';

declare global {
	namespace App {
		interface Locals {
			actor: Actor;
			locale: string;
			sessionId: string | null;
			/** The API token the request came with (rate limit and Idempotency-Key are per token). */
			tokenId?: string | null;
		}
		interface Error {
			message: string;
			/** The second-factor gate refused a sensitive read: the page shows how to enrol instead. */
			secondFactor?: true;
		}
	}
}

export {};
