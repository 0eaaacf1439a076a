import { describe, expect, it } from 'vitest';
import * as areas from '../../src/lib/server/areas/index.ts';
import * as people from '../../src/lib/server/people/index.ts';
import * as access from '../../src/lib/server/access/index.ts';
import * as aid from '../../src/lib/server/aid/index.ts';
import * as privacy from '../../src/lib/server/privacy/index.ts';
import * as fieldwork from '../../src/lib/server/fieldwork/index.ts';

// One door by construction: whatever a module exports that reaches the database is a declared verb
// (it runs through the runner). Every other exported function must be named here as pure — a new
// export that is neither fails this test, and the list is where a reviewer sees it.

const PURE: Record<string, string[]> = {
	areas: [],
	// Scoring, the weekly pairing, form and map arithmetic, certificate dates, the reach table's
	// months and its CSV/XLSX files, the iCalendar text: computations on values in hand, no I/O.
	aid: [
		'certificateStatus',
		'fromForm',
		'greedyProposal',
		'hhmm',
		'lastTwelveMonths',
		'mapIntent',
		'pointFromClick',
		'pointInArea',
		'reachCsv',
		'reachXlsx',
		'waitingSides',
		'weekdayOf',
		'weeklyCalendar',
		'weeklyEvent',
		'weeklyProposal'
	],
	// Whether the person page may offer the link form: the rule the verb applies, on a record in hand.
	// consentGiven: the SQL condition aid's figures put in their one statement; textIn: a purpose's text in a
	// language (pure); seedConsent: the demo seed's bulk consents (no actor: seeds run as the system).
	// consentState, consentAllowsUse: the consent rules on a history in hand (fieldwork's referrals judge one partner's purpose).
	people: ['mayLinkAccount', 'consentGiven', 'textIn', 'seedConsent', 'consentState', 'consentAllowsUse'],
	// Form values and the street page's queue turned into a verb's input, the status machines' next steps,
	// the evidence count on rows in hand, the figures written out as CSV and XLSX, and which of the actor's
	// organisations a neighbourhood belongs to (read from the actor's grants): no I/O.
	fieldwork: [
		'contactFromForm',
		'countEvidence',
		'figuresCsv',
		'figuresXlsx',
		'organisationFor',
		'questionNextSteps',
		'referralNextSteps',
		'signalNextSteps',
		'toLogContact'
	],
	// The register (read through its verb) written out as CSV and DOCX.
	privacy: ['registerCsv', 'registerDocx'],
	// The door's own parts (verbs declare `permission`, their access functions use the rest) and the registry.
	access: [
		'can',
		'covers',
		'grantedAreas',
		'grantedOrganisations',
		'grantsHolding',
		'holds',
		'inScope',
		'instanceWide',
		'mayTurnOffSecondFactor',
		'needsSecondFactor',
		'permission',
		'requirePermission',
		'requireSecondFactor',
		'scopeFilter'
	]
};

// Not pure, and still not verbs, each for its reason.
const DOOR: Record<string, Record<string, string>> = {
	access: {
		loadActor: 'builds the actor for hooks.server.ts before any actor exists to run a verb for',
		twoFactorSetting: 'TWO_FACTOR, read once: scripts/serve.ts reads it at start-up to refuse a bad value'
	},
	people: {
		markSeen: "fieldwork's logContact marks the people met as seen, inside its own transaction: the retention job's clock, not a change of the record"
	},
	privacy: {
		runRetention: 'the nightly job acts as the system for nobody (no grants to check), and audits its run itself',
		startRetentionWorker: 'starts the job worker from hooks.server.ts, as mail does',
		retentionRefusal: 'the start-up check of scripts/serve.ts, before the server takes any request'
	}
};

const MODULES: Record<string, Record<string, unknown>> = { areas, people, access, aid, privacy, fieldwork };

describe('module exports', () => {
	for (const [name, exports] of Object.entries(MODULES)) {
		it(`${name}: every exported function is a declared verb or a listed pure helper`, () => {
			const loose = Object.entries(exports)
				.filter(([, v]) => typeof v === 'function' && !/^class\s/.test(Function.prototype.toString.call(v)))
				.filter(([, v]) => !('spec' in (v as object)))
				.map(([k]) => k)
				.sort();
			expect(loose).toEqual([...(PURE[name] ?? []), ...Object.keys(DOOR[name] ?? {})].sort());
		});
	}
});
