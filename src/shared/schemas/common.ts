/**
 * Schemas shared by every route and by the web app: county parameter, paging, sorting, the error body.
 * TypeBox objects are plain JSON Schema, so the server validates with them and OpenAPI documents them.
 */
import { type TSchema, Type } from 'typebox';

export const CountyCode = Type.String({ pattern: '^[0-9]{6}$', description: '6-digit county code (GB/T 2260)' });
export const OrgCode = Type.String({ pattern: '^[0-9]{6}([0-9]{3}){0,3}$', description: 'Division code, 6–15 digits' });
export const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

export const CountyParams = Type.Object({ county: CountyCode }, { additionalProperties: false });
export const CountyIdParams = Type.Object({ county: CountyCode, id: Id }, { additionalProperties: false });

/** Paging shared by all lists: 1-based page, at most 100 rows a page. */
export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
};

/** `sort=name` ascending, `sort=-name` descending; only the listed fields. */
export function SortQuery<const T extends string[]>(fields: T) {
  return Type.Optional(Type.Union(fields.flatMap((f) => [Type.Literal(f), Type.Literal(`-${f}`)])));
}

/** `{ items, total, page, pageSize }` for a list of `item`. */
/** The schema type of one page of `T` rows, for callers that name a page's type without building the schema. */
export type PageOfSchema<T extends TSchema> = ReturnType<typeof PageOf<T>>;

export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}

export const ErrorBody = Type.Object({
  code: Type.String(),
  message: Type.String(),
  requestId: Type.String(),
  details: Type.Optional(Type.Array(Type.Object({ path: Type.String(), code: Type.String(), message: Type.String() }))),
});

/** Error responses every route may give, for the OpenAPI document. */
export const ERROR_RESPONSES = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
