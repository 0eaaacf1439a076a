// The grant shape × record shape table of the access rule (access/scope.ts), written out by hand so
// that the pure rule (access/scope.test.ts) and its SQL form (tests/integration/access-scope.test.ts)
// are held to the same answers.

export const GRANT_SHAPES = ['admin', 'org-wide org A', 'area A1 of org A', 'org-wide org B'] as const;
export const RECORD_SHAPES = ['org A area A1', 'org A area A2', 'org A no area', 'org B area B1', 'no org no area'] as const;

export type GrantShape = (typeof GRANT_SHAPES)[number];
export type RecordShape = (typeof RECORD_SHAPES)[number];

const Y = true;
const _ = false;
//                                             A·A1  A·A2  A·—   B·B1  —·—
// prettier-ignore
export const COVERS: Record<GrantShape, boolean[]> = {
	'admin':                                    [Y,    Y,    Y,    Y,    Y],
	'org-wide org A':                           [Y,    Y,    Y,    _,    _],
	'area A1 of org A':                         [Y,    _,    _,    _,    _],
	'org-wide org B':                           [_,    _,    _,    Y,    _]
};

type Ids = { orgA: string; orgB: string; areaA1: string; areaA2: string; areaB1: string };

/** The place of each record shape, for given organisation and area ids. */
export function recordPlace(shape: RecordShape, ids: Ids): { organisationId: string | null; areaId: string | null } {
	switch (shape) {
		case 'org A area A1':
			return { organisationId: ids.orgA, areaId: ids.areaA1 };
		case 'org A area A2':
			return { organisationId: ids.orgA, areaId: ids.areaA2 };
		case 'org A no area':
			return { organisationId: ids.orgA, areaId: null };
		case 'org B area B1':
			return { organisationId: ids.orgB, areaId: ids.areaB1 };
		case 'no org no area':
			return { organisationId: null, areaId: null };
	}
}

/** The grant of each grant shape (a facilitator, except the admin), for given ids. */
export function grantOf(shape: GrantShape, ids: Ids) {
	switch (shape) {
		case 'admin':
			return { role: 'admin' as const, organisationId: ids.orgA, areaId: null };
		case 'org-wide org A':
			return { role: 'facilitator' as const, organisationId: ids.orgA, areaId: null };
		case 'area A1 of org A':
			return { role: 'facilitator' as const, organisationId: ids.orgA, areaId: ids.areaA1 };
		case 'org-wide org B':
			return { role: 'facilitator' as const, organisationId: ids.orgB, areaId: null };
	}
}
