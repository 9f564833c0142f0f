/**
 * Sensitivity marks on response fields. A field marked here leaves the server masked unless the caller may unmask
 * that kind for that record: the masking plugin (src/http/plugins/masking.ts) walks each response with its schema
 * and applies the marks, so no route or service masks by hand.
 *
 * - `idNumber`, `phone`, `bankAccount`: always masked by the domain's masks, except on the audited reveal routes
 *   (`config: { reveal: … }`, src/services/access/reveal.ts) for a caller holding the record's `*.sensitive`.
 * - `health`: a health code or a free text carrying health facts: '***' unless the caller holds the record's
 *   `*.sensitive` permission (`of`) at the record's unit (as on the household and member pages).
 */
export type SensitiveKind = 'idNumber' | 'phone' | 'bankAccount' | 'health';
/** Whose record the value is: decides which `*.sensitive` permission may unmask it. */
export type SensitiveOwner = 'household' | 'member';

/** The schema options of a marked field (spread into `Type.String({ … })`). */
// A type alias rather than an interface: TypeBox's options need an index signature, which aliases satisfy.
export type SensitiveMark = {
  sensitive: SensitiveKind;
  of: SensitiveOwner;
  /** Only when a sibling field (of the original object) matches this pattern, e.g. a warning of kind illness. */
  onlyIf?: { sibling: string; pattern: string };
};

/** Options marking a field as sensitive of `kind`, belonging to a record of `of`. */
export function sensitive(
  kind: SensitiveKind,
  of: SensitiveOwner,
  onlyIf?: SensitiveMark['onlyIf'],
): { [option: string]: unknown } & SensitiveMark & { description: string } {
  const when = onlyIf ? ` when ${onlyIf.sibling} matches /${onlyIf.pattern}/` : '';
  return { sensitive: kind, of, ...(onlyIf ? { onlyIf } : {}), description: `Sensitive (${kind})${when}: masked` };
}
