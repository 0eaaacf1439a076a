// The resident's pages ship no JavaScript, as the public ones do ((public)/+layout.ts): every step is a
// link or a form post that works without it, the answers of each step are kept on the server
// (aid_draft), and on a cheap phone on slow 4G the ~73 KB of hydration code was a second of blocked
// main thread on the first question page (Lighthouse, mobile defaults; docs/performance.md, issue 12).
// What this gives up: text typed on a step but not sent yet is not carried across a language switch
// (it was, with JavaScript, through the browser's session storage); the steps already sent are.
export const csr = false;
