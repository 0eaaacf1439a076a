import type { Actor } from '#lib/server/core/context.ts';

declare global {
	namespace App {
		interface Locals {
			actor: Actor;
			locale: string;
			sessionId: string | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
