import nodemailer, { type Transporter } from 'nodemailer';

export type MailMessage = { to: string; subject: string; text: string };

/** SMTP from the environment, or null: then mail stays in the outbox for the dev mailbox page. */
export function smtpTransport(env: NodeJS.ProcessEnv = process.env): Transporter | null {
	if (!env.SMTP_HOST) return null;
	return nodemailer.createTransport({
		host: env.SMTP_HOST,
		port: Number(env.SMTP_PORT ?? 587),
		secure: env.SMTP_SECURE === 'true',
		auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } : undefined
	});
}

export const mailFrom = () => process.env.MAIL_FROM ?? 'Wijkweb <no-reply@wijkweb.local>';
