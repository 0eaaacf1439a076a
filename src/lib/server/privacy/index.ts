// Retention and the register of processing (issue 13, part E). Nothing imports this module but
// routes, scripts and the job start-up (hooks.server.ts): it reads people/, access/ and the
// permission registry through their doors and decides nothing they depend on.
export { runRetention } from './retention.ts';
export { startRetentionWorker } from './jobs.ts';
export { retentionRefusal } from './startup.ts';
export { readRegister } from './register.ts';
export { registerCsv, registerDocx } from './register-export.ts';
