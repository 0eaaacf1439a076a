// A resident's page: plain HTML, no JavaScript needed or sent.
export const csr = false;
