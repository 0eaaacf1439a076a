// The public pages (home, a neighbourhood, sign-in and the account pages before it) ship no JavaScript:
// they are plain links and form posts that work without it, and on a cheap phone on slow 4G the ~45–55
// KB of hydration code in ~16–21 files cost ~0.7 s of largest contentful paint (Lighthouse, mobile
// defaults: 1.57 s → 0.80 s on the home page; docs/performance.md, issue 12).
export const csr = false;
