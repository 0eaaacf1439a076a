// The smallest SMTP server that accepts mail: one line per delivered message (its recipients) in the
// file given, so .ci/two-servers.sh can count how often a mail was really sent.
// Usage: node .ci/smtp-sink.mjs PORT FILE
import { createServer } from 'node:net';
import { appendFileSync, writeFileSync } from 'node:fs';

const [port, file] = process.argv.slice(2);
writeFileSync(file, '');
createServer((socket) => {
	let buffer = '';
	let inData = false;
	let recipients = [];
	socket.write('220 smtp-sink\r\n');
	socket.on('error', () => {});
	socket.on('data', (chunk) => {
		buffer += chunk;
		let end;
		while ((end = buffer.indexOf('\r\n')) >= 0) {
			const line = buffer.slice(0, end);
			buffer = buffer.slice(end + 2);
			if (inData) {
				if (line !== '.') continue;
				inData = false;
				appendFileSync(file, `${recipients.join(',')}\n`);
				recipients = [];
				socket.write('250 queued\r\n');
				continue;
			}
			const verb = line.slice(0, 4).toUpperCase();
			if (verb === 'RCPT') recipients.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
			if (verb === 'DATA') {
				inData = true;
				socket.write('354 end with .\r\n');
			} else if (verb === 'QUIT') socket.end('221 bye\r\n');
			else socket.write('250 ok\r\n');
		}
	});
}).listen(Number(port), '127.0.0.1', () => console.log(`smtp-sink on ${port}`));
