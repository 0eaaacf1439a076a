// Fails loudly when npm scripts run on the system's old Node instead of the pinned devDependency
// (that happens after `npm ci --ignore-scripts`, which skips node@24's install step).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
	console.error(`Wijkweb needs Node 24 (found ${process.versions.node}). Run \`npm ci\` without --ignore-scripts so the pinned Node is installed.`);
	process.exit(1);
}
