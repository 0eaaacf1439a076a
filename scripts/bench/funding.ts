import { loadavg } from 'node:os';
import { overwriteGetLocale } from '../../src/lib/paraglide/runtime.js';
import { checkApplication } from '../../src/lib/funding/rules.ts';
import { describeRule } from '../../src/lib/funding/describe.ts';
import { callTemplate } from '../../src/lib/funding/templates.ts';
import { countWords } from '../../src/lib/words.ts';
import { bigApplication, bigContext, dutchText } from '../../tests/factories/funding-application.ts';
import { applicationBodyShape } from '../../src/lib/server/funding/index.ts';
import { load, ok, pct } from './measure.ts';

// `npm run bench -- funding` (issue 16): the rules engine on the issue's big application, in this
// process (pure code: no database, no HTTP; the server time of validateApplication is this plus parsing
// the request). The neighbourhood improvement contract's rules, a 4-year application with 200 budget
// lines (tests/factories/funding-application.ts):
//   (a) its ten sections at their word limits (1 000, 750, 350 … words: 5 000 in all): every rule passes;
//   (b) ten sections of 1 000 words each (10 000 words), the issue's figure: nine word limits fail,
//       which costs the engine nothing more but counts twice the words; target p95 < 20 ms;
//   (c) as (b) and every result said as a sentence (describeRule), as the API's `message` field does;
//   (d) countWords on one 1 000-word section.
// 1 000 timed runs each after 100 warm-up runs (the JIT settled, as in a running server).

type Say = (line?: string) => void;

const RUNS = 1000;
const WARM_UP = 100;

function timed(call: () => unknown): number[] {
	for (let i = 0; i < WARM_UP; i++) call();
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const t0 = performance.now();
		call();
		times.push(performance.now() - t0);
	}
	return times.sort((a, b) => a - b);
}

const f2 = (n: number) => n.toFixed(2);
const row = (label: string, times: number[], target?: number) =>
	`| ${label} | ${times.length} | ${f2(pct(times, 50))} | **${f2(pct(times, 95))}** | ${f2(pct(times, 99))} | ${f2(times.at(-1)!)} | ${target ? `< ${target} ${ok(pct(times, 95) < target)}` : ''} |`;

export function benchFunding(say: Say) {
	overwriteGetLocale(() => 'nl');
	const rules = callTemplate('improvement_contract', { opensAt: new Date('2027-01-15T08:00:00Z'), locale: 'nl' }).rules;
	const context = bigContext(rules);
	const atLimits = bigApplication(rules);
	const long = bigApplication(rules, { sectionWords: 1000 });
	const section = dutchText(1000);
	const words = (body: typeof long) => Object.values(body.sections).reduce((sum, t) => sum + countWords(t), 0);
	const results = checkApplication(rules, long, context);

	say('## Funding: the rules engine on a big application');
	say();
	say(
		`The neighbourhood improvement contract's rules; a 4-year application with ${long.budget.length} budget lines, 3 partners, 3 indicators. ` +
			`${RUNS} timed runs after ${WARM_UP} warm-up runs, in one process. Load average before (1 / 5 / 15 min): ${load()}.`
	);
	say();
	say('| what | runs | p50 ms | p95 ms | p99 ms | max ms | target |');
	say('| --- | --- | --- | --- | --- | --- | --- |');
	say(
		row(
			`checkApplication, sections at their limits (${words(atLimits)} words, every rule passes)`,
			timed(() => checkApplication(rules, atLimits, context))
		)
	);
	say(
		row(
			`checkApplication, ten 1 000-word sections (${words(long)} words, ${results.filter((r) => !r.pass).length} rules fail)`,
			timed(() => checkApplication(rules, long, context)),
			20
		)
	);
	say(
		row(
			`… and each of its ${results.length} results said in Dutch (describeRule)`,
			timed(() => checkApplication(rules, long, context).map((r) => describeRule(r, { rules, body: long }))),
			20
		)
	);
	// What validateApplication does with the CPU besides reading the call (one primary-key row): parse
	// the JSON as it arrives, check its shape, run the engine.
	const wire = JSON.stringify({ applicantKind: 'association', body: long });
	say(
		row(
			`validateApplication's work: JSON.parse of the ${Math.round(wire.length / 1024)} KB body + its shape (zod) + checkApplication`,
			timed(() => checkApplication(rules, applicationBodyShape.parse((JSON.parse(wire) as { body: unknown }).body), context)),
			20
		)
	);
	say(
		row(
			'countWords on one 1 000-word section',
			timed(() => countWords(section))
		)
	);
	say();
	say(
		`Load average after: ${loadavg()
			.map((l) => l.toFixed(2))
			.join(' / ')}.`
	);
	say();
}
