// The programme's clock: every Belgian day, week, month and wall-clock time in Wijkweb is read in
// this zone. The one place its name is written; here (not in server code) so that display code in
// the browser (src/lib/intl.ts callers, components) can use it too.
export const BELGIAN_ZONE = 'Europe/Brussels';
