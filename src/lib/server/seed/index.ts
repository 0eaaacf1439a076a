// The demo data: what scripts and the embedded start seed a fresh database with.
export { DEMO_PASSWORD, createUser, seedDemo } from './demo.ts';
