/**
 * Masking, decided in one place by field: every response is walked with its route's response schema, and each
 * value whose schema carries a sensitivity mark (src/shared/schemas/sensitive.ts) is masked unless the caller may
 * unmask that kind for that record. No route or service masks by hand; a field without a mark is not sensitive.
 *
 * Who may unmask what:
 * - health codes and health free texts: the caller holding the owner's `*.sensitive` (household or member) at the
 *   record's unit (the nearest object of the response with a `naturalVillageCode`, else the unit the route's
 *   scope rule resolved — a list's narrowed filter or the record's natural village);
 * - ID numbers, phones and bank accounts: only on the audited reveal routes (`config: { reveal: true }`), whose
 *   service writes the audit entry in the same transaction as the read; everywhere else the domain's masks.
 *
 * The walk builds a new payload and never changes the handler's objects (services may cache what they return).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Permission } from '../../domain/access/roles.ts';
import { maskBankAccount, maskPhone, maskResidentId } from '../../domain/ids.ts';
import type { SensitiveKind, SensitiveMark } from '../../shared/schemas/sensitive.ts';
import type { Access } from './access.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The audited reveal of one record: marked identifiers may leave in clear for holders of `*.sensitive`. */
    reveal?: boolean;
  }
}

type Schema = Record<string, unknown> & Partial<SensitiveMark>;
type Json = Record<string, unknown>;

const MASKS: Record<SensitiveKind, (value: string) => string> = {
  idNumber: maskResidentId,
  phone: maskPhone,
  bankAccount: maskBankAccount,
  health: () => '***',
};

/** What the walk needs of the request. */
interface Caller {
  access: Access;
  reveal: boolean;
}

/** Whether `caller` may see the value of `mark` in clear for a record at `unit`. */
export function mayUnmask(caller: Caller, mark: SensitiveMark, unit: string | null): boolean {
  if (unit === null || !caller.access) return false;
  if (mark.sensitive !== 'health' && !caller.reveal) return false;
  return caller.access.can(`${mark.of}.sensitive` as Permission, unit);
}

function maskLeaf(caller: Caller, mark: SensitiveMark, value: unknown, unit: string | null, siblings: Json | null) {
  if (typeof value !== 'string' || value === '') return value;
  if (mark.onlyIf) {
    const sibling = siblings?.[mark.onlyIf.sibling];
    if (!new RegExp(mark.onlyIf.pattern).test(typeof sibling === 'string' ? sibling : '')) return value;
  }
  return mayUnmask(caller, mark, unit) ? value : MASKS[mark.sensitive](value);
}

const asSchemas = (list: unknown): Schema[] => (Array.isArray(list) ? (list as Schema[]) : []);

/** `value` as `schema` allows the caller to see it (a new value; `value` itself is left alone). */
function walk(caller: Caller, schema: Schema, value: unknown, unit: string | null, siblings: Json | null): unknown {
  if (value === null || value === undefined) return value;
  if (typeof schema.sensitive === 'string') return maskLeaf(caller, schema as SensitiveMark, value, unit, siblings);
  let out: unknown = value;
  // Every branch of a union or intersection applies its marks; masks are idempotent, so order does not matter.
  for (const branch of [...asSchemas(schema.anyOf), ...asSchemas(schema.oneOf), ...asSchemas(schema.allOf)]) {
    out = walk(caller, branch, out, unit, siblings);
  }
  if (Array.isArray(out)) {
    const items = schema.items as Schema | undefined;
    return items && typeof items === 'object' ? out.map((item) => walk(caller, items, item, unit, siblings)) : out;
  }
  if (typeof out === 'object') return walkObject(caller, schema, out as Json, unit);
  return out;
}

function walkObject(caller: Caller, schema: Schema, value: Json, inherited: string | null): Json {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const patterns = Object.values((schema.patternProperties ?? {}) as Record<string, Schema>);
  const extra = typeof schema.additionalProperties === 'object' ? (schema.additionalProperties as Schema) : null;
  if (Object.keys(properties).length === 0 && patterns.length === 0 && !extra) return value;
  const unit = typeof value.naturalVillageCode === 'string' ? value.naturalVillageCode : inherited;
  const out: Json = {};
  for (const [key, child] of Object.entries(value)) {
    const childSchema = properties[key] ?? patterns[0] ?? extra;
    out[key] = childSchema ? walk(caller, childSchema, child, unit, value) : child;
  }
  return out;
}

/** The response schema Fastify serialises this status with (exact code, then 2xx, then default). */
function responseSchema(request: FastifyRequest, status: number): Schema | null {
  const responses = request.routeOptions.schema?.response as Record<string, Schema> | undefined;
  if (!responses) return null;
  return responses[status] ?? responses[`${Math.floor(status / 100)}xx`] ?? responses.default ?? null;
}

/** Masks `payload` for the caller of `request` by the marks of `schema`. */
export function maskPayload(request: FastifyRequest, schema: Schema, payload: unknown): unknown {
  const caller = { access: request.access, reveal: request.routeOptions.config.reveal === true };
  return walk(caller, schema, payload, request.access?.unit ?? null, null);
}

async function maskingPlugin(app: FastifyInstance): Promise<void> {
  app.addHook('preSerialization', async (request, reply, payload: unknown) => {
    if (!payload || typeof payload !== 'object') return payload;
    const schema = responseSchema(request, reply.statusCode);
    return schema ? maskPayload(request, schema, payload) : payload;
  });
}

export default fp(maskingPlugin, { name: 'masking', dependencies: ['access'] });
