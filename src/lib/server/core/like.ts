/**
 * A LIKE/ILIKE pattern matching `text` anywhere, with the wildcards a person may type (% and _) and
 * the escape character itself taken literally: a search for "%" finds names with a "%", not everybody.
 * Backslash is PostgreSQL's default LIKE escape.
 */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;
