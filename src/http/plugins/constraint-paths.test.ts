import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../../domain/ids.ts';
import { describeConstraint } from './constraint-messages.ts';
import { fieldPathOf, keyOfDetail } from './constraint-paths.ts';

const ID = makeResidentId('340822', '1975-06-15', 12);
const OLD = `${ID.slice(0, 6)}${ID.slice(8, 17)}`;
const DETAIL = `Key (county_code, id_number)=(340822, ${ID}) already exists.`;
const ID_FIELD = { names: ['idNumber'], column: 'id_number', idNumber: true };

describe('constraint → field path', () => {
  it("reads the clashing key from PostgreSQL's detail", () => {
    expect([...keyOfDetail(DETAIL)]).toEqual([
      ['county_code', '340822'],
      ['id_number', ID],
    ]);
    expect(keyOfDetail(undefined).size).toBe(0);
  });

  it('finds the body entry holding the reported value, in any ID form', () => {
    const persons = [{ idNumber: makeResidentId('340822', '1970-01-01', 11) }, { idNumber: OLD.toLowerCase() }];
    expect(fieldPathOf(ID_FIELD, { persons }, DETAIL)).toBe('persons.1.idNumber');
    expect(fieldPathOf(ID_FIELD, { idNumber: `${ID.slice(0, 17)}${ID.at(-1)?.toLowerCase()}` }, DETAIL)).toBe(
      'idNumber',
    );
    // No detail: the only candidate; no candidate: the field's name.
    expect(fieldPathOf(ID_FIELD, { name: 'x', idNumber: ID }, undefined)).toBe('idNumber');
    expect(fieldPathOf(ID_FIELD, { name: 'x' }, DETAIL)).toBe('idNumber');
    expect(
      fieldPathOf(
        { names: ['memberIds'], column: 'member_id' },
        { memberIds: [4, 9] },
        'Key (county_code, member_id)=(340822, 9) already exists.',
      ),
    ).toBe('memberIds.1');
  });

  it('keeps 409 and the constraint as code, adding the path; Citus shard suffixes are understood', () => {
    const e = describeConstraint('23505', 'household_person_id_number_102008', {
      detail: DETAIL,
      body: { persons: [{ idNumber: ID }] },
    });
    expect(e.code).toBe('conflict');
    expect(e.details).toEqual([
      {
        path: 'persons.0.idNumber',
        code: 'household_person_id_number_102008',
        message: expect.objectContaining({ zh: '该身份证号已在本县登记过，同一人不能重复登记' }),
      },
    ]);
    expect(describeConstraint('23505', 'unknown_key').details[0]?.path).toBe('');
  });
});
