/**
 * The two UI languages and a text in both: the one definition the server's messages, the schemas' labels and the
 * web's dictionaries all use (Chinese first; English for the odd reader from outside the county).
 */

/** The languages a message, a label or the UI can be in. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** One text in both languages. */
export type Localized = Record<Lang, string>;

/** A code list's labels in one language (`{ code: label }`), as the web's message objects hold them. */
export function labelsIn<K extends string>(labels: Readonly<Record<K, Localized>>, lang: Lang): Record<K, string> {
  return Object.fromEntries(Object.entries<Localized>(labels).map(([code, label]) => [code, label[lang]])) as Record<
    K,
    string
  >;
}

/** `code 中文, code 中文` — a code list described for the API documentation from its labels. */
export function describeCodes(labels: Readonly<Record<string, Localized>>): string {
  return Object.entries(labels)
    .map(([code, label]) => `${code} ${label.zh}`)
    .join(', ');
}

/** A label as a word inside a sentence ("the village deadline"): English lower-cased, Chinese as it is. */
export function inSentence(label: Localized): Localized {
  return { zh: label.zh, en: label.en.toLowerCase() };
}
