/** `allowedActions` of a record response: the write permissions the caller holds at the record's unit. */
import { Type } from 'typebox';
import { PERMISSIONS } from '../../domain/access/roles.ts';

export const RecordActions = Type.Array(Type.Union(PERMISSIONS.map((p) => Type.Literal(p))), {
  description:
    "Write permissions the caller holds at this record's unit, among those its write routes declare (offer only these actions)",
});
