/**
 * The two UI languages and a text in both: the one definition the server's messages, the schemas' labels and the
 * web's dictionaries all use (Chinese first; English for the odd reader from outside the county).
 */

/** The languages a message, a label or the UI can be in. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** One text in both languages. */
export type Localized = Record<Lang, string>;
