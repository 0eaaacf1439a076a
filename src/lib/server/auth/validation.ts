import { z } from 'zod';
import { line } from '../core/index.ts';
import { TOKEN_SCOPES } from './tokens.ts';

// Form inputs of the account pages. Limits keep hostile input from ever reaching the database.
const email = z.string().trim().toLowerCase().max(254, 'error_too_long').pipe(z.email('error_email'));
const password = z.string().min(10, 'error_password_short').max(128, 'error_too_long');

export const signInInput = z.object({ email, password: z.string().min(1, 'error_required').max(128, 'error_too_long') });
export const signUpInput = z.object({
	name: line(1, 100),
	email,
	password
});
export const changePasswordInput = z.object({
	currentPassword: z.string().min(1, 'error_required').max(128, 'error_too_long'),
	newPassword: password
});
export const forgotPasswordInput = z.object({ email });
export const resetPasswordInput = z.object({ token: z.string().min(1).max(200), password });
export const createTokenInput = z.object({
	name: line(1, 80),
	scopes: z.array(z.enum(TOKEN_SCOPES)).min(1, 'error_required'),
	expiresInDays: z.coerce.number().int().min(1).max(3650).nullish()
});

// The second factor. A code from the app is six digits (spaces a person may type are dropped); a
// recovery code is better-auth's ten letters and digits, shown as two groups of five.
export const twoFactorPasswordInput = z.object({ password: z.string().min(1, 'error_required').max(128, 'error_too_long') });
export const totpCodeInput = z.object({
	code: z
		.string()
		.max(20, 'auth_two_factor_code_format')
		.transform((c) => c.replace(/[\s-]/g, ''))
		.pipe(
			z
				.string()
				.min(1, 'error_required')
				.regex(/^\d{6}$/, 'auth_two_factor_code_format')
		)
});
export const totpConfirmInput = totpCodeInput.extend({ uri: z.string().max(500).default('') });
export const recoveryCodeInput = z.object({
	code: z
		.string()
		.max(30, 'auth_two_factor_recovery_format')
		.transform((c) => c.replace(/[\s-]/g, ''))
		.pipe(
			z
				.string()
				.min(1, 'error_required')
				.regex(/^[A-Za-z0-9]{10}$/, 'auth_two_factor_recovery_format')
		)
		.transform((c) => `${c.slice(0, 5)}-${c.slice(5)}`)
});
