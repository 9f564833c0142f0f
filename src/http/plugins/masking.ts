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
import { type Actor, rootsOf, SYSTEM_ACTOR } from '../../domain/access/actor.ts';
import { inScope, type Permission } from '../../domain/access/roles.ts';
import { maskBankAccount, maskPhone, maskResidentId } from '../../domain/ids.ts';
import type { SensitiveKind, SensitiveMark } from '../../shared/schemas/sensitive.ts';

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

/** Whether the value of `mark` may be seen in clear for a record at `unit` (decided per request: actor, route). */
type MayUnmask = (mark: SensitiveMark, unit: string | null) => boolean;

/**
 * Whether `actor` may see the value of `mark` in clear for a record at `unit`: `reveal` says the route is an
 * audited reveal (identifiers leave in clear only there).
 */
export function mayUnmask(actor: Actor, reveal: boolean, mark: SensitiveMark, unit: string | null): boolean {
  if (unit === null) return false;
  if (mark.sensitive !== 'health' && !reveal) return false;
  return inScope(unit, rootsOf(actor, `${mark.of}.sensitive` as Permission, unit.slice(0, 6)));
}

function maskLeaf(may: MayUnmask, mark: SensitiveMark, value: unknown, unit: string | null, siblings: Json | null) {
  if (typeof value !== 'string' || value === '') return value;
  if (mark.onlyIf) {
    const sibling = siblings?.[mark.onlyIf.sibling];
    if (!new RegExp(mark.onlyIf.pattern).test(typeof sibling === 'string' ? sibling : '')) return value;
  }
  return may(mark, unit) ? value : MASKS[mark.sensitive](value);
}

const asSchemas = (list: unknown): Schema[] => (Array.isArray(list) ? (list as Schema[]) : []);

/** `value` as `schema` allows the caller to see it (a new value; `value` itself is left alone). */
function walk(may: MayUnmask, schema: Schema, value: unknown, unit: string | null, siblings: Json | null): unknown {
  if (value === null || value === undefined) return value;
  if (typeof schema.sensitive === 'string') return maskLeaf(may, schema as SensitiveMark, value, unit, siblings);
  let out: unknown = value;
  // Every branch of a union or intersection applies its marks; masks are idempotent, so order does not matter.
  for (const branch of [...asSchemas(schema.anyOf), ...asSchemas(schema.oneOf), ...asSchemas(schema.allOf)]) {
    out = walk(may, branch, out, unit, siblings);
  }
  if (Array.isArray(out)) {
    const items = schema.items as Schema | undefined;
    return items && typeof items === 'object' ? out.map((item) => walk(may, items, item, unit, siblings)) : out;
  }
  if (typeof out === 'object') return walkObject(may, schema, out as Json, unit);
  return out;
}

function walkObject(may: MayUnmask, schema: Schema, value: Json, inherited: string | null): Json {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const patterns = Object.values((schema.patternProperties ?? {}) as Record<string, Schema>);
  const extra = typeof schema.additionalProperties === 'object' ? (schema.additionalProperties as Schema) : null;
  if (Object.keys(properties).length === 0 && patterns.length === 0 && !extra) return value;
  const unit = typeof value.naturalVillageCode === 'string' ? value.naturalVillageCode : inherited;
  const out: Json = {};
  for (const [key, child] of Object.entries(value)) {
    const childSchema = properties[key] ?? patterns[0] ?? extra;
    out[key] = childSchema ? walk(may, childSchema, child, unit, value) : child;
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
  // Before the access hook ran (an early error) there is no actor: the system, who unmasks nothing.
  const actor = request.access?.actor ?? SYSTEM_ACTOR;
  const reveal = request.routeOptions.config.reveal === true;
  const may: MayUnmask = (mark, unit) => mayUnmask(actor, reveal, mark, unit);
  return walk(may, schema, payload, request.access?.unit ?? null, null);
}

async function maskingPlugin(app: FastifyInstance): Promise<void> {
  app.addHook('preSerialization', async (request, reply, payload: unknown) => {
    if (!payload || typeof payload !== 'object') return payload;
    const schema = responseSchema(request, reply.statusCode);
    return schema ? maskPayload(request, schema, payload) : payload;
  });
}

export default fp(maskingPlugin, { name: 'masking', dependencies: ['access'] });
