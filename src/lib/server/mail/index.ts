export { queueMail, addToOutbox, announceMail, listOutbox } from './outbox.ts';
export { startMailWorker } from './jobs.ts';
export { smtpTransport, type MailMessage } from './transport.ts';
