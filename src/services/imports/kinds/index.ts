/** The import kinds by name. */
import type { KindDefinition } from '../kind.ts';
import type { ImportKind } from '../types.ts';
import { householdsKind } from './households.ts';
import { membersKind } from './members.ts';
import { orgUnitsKind } from './org-units.ts';

export const KIND_DEFINITIONS: Record<ImportKind, KindDefinition<never>> = {
  'org-units': orgUnitsKind as unknown as KindDefinition<never>,
  members: membersKind as unknown as KindDefinition<never>,
  households: householdsKind as unknown as KindDefinition<never>,
};
