/**
 * Whether a record's page may offer a write: the record response's `allowedActions` (the write permissions the
 * caller holds at the record's unit, computed by the server's own access rule) lists its permission. A record
 * without the list offers nothing, so a read-only role never sees a button whose request would fail.
 */
export function allows(record: { allowedActions?: readonly string[] | undefined }, permission: string): boolean {
  return record.allowedActions?.includes(permission) ?? false;
}
