/**
 * A person's own words placed inside a sentence of the page's language: wrapped in Unicode's first-strong
 * isolate (U+2068 … U+2069) so a Dutch title in an Arabic sentence keeps its own direction and does not
 * drag the punctuation around it to the wrong side (what <bdi> does, for text inside a message).
 */
export const isolate = (text: string) => `\u2068${text}\u2069`;
