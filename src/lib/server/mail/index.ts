export { queueMail, addToOutbox, announceMail, deliver, listOutbox, setMailNotifier } from './outbox.ts';
export { startMailWorker } from './jobs.ts';
export { smtpTransport, type MailMessage } from './transport.ts';
