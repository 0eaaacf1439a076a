// The roles of DOMAIN.md, in the order a person meets them.
export const ROLES = ['resident', 'volunteer', 'facilitator', 'outreach', 'coordinator', 'officer', 'jury', 'expert', 'admin'] as const;

export type Role = (typeof ROLES)[number];
