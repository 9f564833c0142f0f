/** The registry dictionary as GET /api/dictionaries answers it (server route and web labels read this one shape). */
import { type Static, Type } from 'typebox';

/** One code of one dictionary kind with its label in both languages. */
export const DictionaryEntry = Type.Object({
  kind: Type.String(),
  code: Type.String(),
  zh: Type.String(),
  en: Type.String(),
});
export type DictionaryEntry = Static<typeof DictionaryEntry>;

/** Every entry of every kind, in display order. */
export const DictionaryEntries = Type.Array(DictionaryEntry);
