// Adds message keys to all six languages in one go: node scripts/dev-tools/add-messages.mjs FILE.json
// FILE.json: { "key": { "nl": "…", "fr": "…", "en": "…", "bg": "…", "tr": "…", "ar": "…" }, … }
// Existing keys are overwritten; files are rewritten with tabs, keys in insertion order.
import { readFileSync, writeFileSync } from 'node:fs';
const LOCALES = ['nl', 'fr', 'en', 'bg', 'tr', 'ar'];
const file = process.argv[2];
if (!file) throw new Error('usage: add-messages.mjs FILE.json');
const adds = JSON.parse(readFileSync(file, 'utf8'));
for (const [key, texts] of Object.entries(adds)) {
	for (const l of LOCALES) if (typeof texts[l] !== 'string' || !texts[l].trim()) throw new Error(`${key}: no ${l} text`);
}
for (const l of LOCALES) {
	const path = `messages/${l}.json`;
	const current = JSON.parse(readFileSync(path, 'utf8'));
	for (const [key, texts] of Object.entries(adds)) current[key] = texts[l];
	writeFileSync(path, JSON.stringify(current, null, '\t') + '\n');
}
console.log(`added ${Object.keys(adds).length} keys to ${LOCALES.join(', ')}`);
