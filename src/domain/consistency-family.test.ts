import { describe, expect, it } from 'vitest';
import { checkHousehold, type HouseholdFacts, type PersonFacts } from './consistency.ts';
import { makeResidentId } from './ids.ts';
import { excessAge, hasVisibleText, idKey, trimInvisible } from './person-facts.ts';

const AS_OF = '2020-12-31';
const HEAD_ID = makeResidentId('340822', '1968-04-12', 11); // male
const SPOUSE_ID = makeResidentId('340822', '1970-09-03', 22); // female
const CHILD_ID = makeResidentId('340822', '2005-06-20', 31);
const HELPER_ID = makeResidentId('340822', '1975-01-01', 51);

const person = (overrides: Partial<PersonFacts>): PersonFacts => ({
  name: '王大山',
  idNumber: HEAD_ID,
  relation: 'head',
  health: 'healthy',
  labour: 'ordinary',
  schoolStatus: 'none',
  ...overrides,
});

/** A consistent household (缺技术) of a head, his wife and their son, with a helper from outside. */
function household(persons?: PersonFacts[], overrides: Partial<HouseholdFacts> = {}): HouseholdFacts {
  return {
    attribute: 'general',
    mainCause: 'skills',
    otherCauses: [],
    persons: persons ?? [
      person({}),
      person({ name: '李秀英', idNumber: SPOUSE_ID, relation: 'spouse' }),
      person({ name: '王小明', idNumber: CHILD_ID, relation: 'child' }),
    ],
    helperIdNumbers: [HELPER_ID],
    ...overrides,
  };
}

const found = (h: HouseholdFacts) => checkHousehold(h, { asOf: AS_OF }).map((v) => `${v.path}:${v.code}`);

describe('person facts', () => {
  it('tells names of invisible characters only from real names, and trims them', () => {
    for (const blank of ['\u200b', ' \u200b\u200c\u200d\ufeff ', '\u3000', '\u2060\u00a0', '\u202e\t']) {
      expect(hasVisibleText(blank), JSON.stringify(blank)).toBe(false);
    }
    expect(hasVisibleText('王\u200b')).toBe(true);
    expect(trimInvisible('\u200b 王大山\u3000\ufeff')).toBe('王大山');
    expect(trimInvisible('欧阳\u200b娜')).toBe('欧阳\u200b娜');
  });

  it('finds ages over 120 at the given date only', () => {
    expect(excessAge('1900-01-01', '2020-12-31')).toBeNull(); // exactly 120
    expect(excessAge('1899-12-31', '2020-12-31')).toBe(121);
    expect(excessAge('1900-01-01', '2021-01-01')).toBe(121);
    expect(excessAge('1900-01-02', '2021-01-01')).toBeNull();
    expect(excessAge('1950-01-01', '2020-12-31')).toBeNull();
  });

  it('keys ID numbers so 15 and 18 digits and a lower-case x match', () => {
    expect(idKey('11010519491231002x')).toBe('11010519491231002X');
    expect(idKey('340822750615012')).toBe(makeResidentId('340822', '1975-06-15', 12));
    expect(idKey(' abc ')).toBe('ABC');
  });
});

describe('family rules of the registry', () => {
  it('passes the consistent household', () => {
    expect(found(household())).toEqual([]);
  });

  it('refuses a head and spouse of the same sex', () => {
    const husband = makeResidentId('340822', '1970-09-03', 23);
    const h = household([person({}), person({ name: '李某', idNumber: husband, relation: 'spouse' })]);
    expect(found(h)).toEqual(['persons.1.relation:spouse_same_sex']);
  });

  it('refuses two spouses, pointing at the second', () => {
    const second = makeResidentId('340822', '1975-02-03', 42);
    const h = household([
      person({}),
      person({ name: '李秀英', idNumber: SPOUSE_ID, relation: 'spouse' }),
      person({ name: '赵某', idNumber: second, relation: 'spouse' }),
    ]);
    expect(found(h)).toEqual(['persons.2.relation:spouse_multiple']);
  });

  it('refuses a person over 120 at the assessment date, not at 120', () => {
    const old = makeResidentId('340822', '1899-06-01', 31);
    const h = household([person({}), person({ name: '老人', idNumber: old, relation: 'parent' })]);
    expect(found(h)).toEqual(['persons.1.idNumber:age_over_limit']);
    const v = checkHousehold(h, { asOf: AS_OF })[0];
    expect(v?.message.zh).toContain('121 岁');
    const justOld = makeResidentId('340822', '1900-12-31', 31);
    expect(found(household([person({}), person({ name: '老人', idNumber: justOld, relation: 'parent' })]))).toEqual([]);
  });

  it('refuses a name of invisible characters only', () => {
    const h = household([person({}), person({ name: '\u200b\u200b', idNumber: CHILD_ID, relation: 'child' })]);
    expect(found(h)).toEqual(['persons.1.name:name_blank']);
  });

  it('reports a helper registered as poor in another household, as the service found', () => {
    const h = household(undefined, { helperIdNumbers: [HELPER_ID], helpersPoorElsewhere: [HELPER_ID] });
    expect(found(h)).toEqual(['helperIdNumbers.0:helper_is_poor']);
    // An old 15-digit form of the same number matches too.
    const old = `${HELPER_ID.slice(0, 6)}${HELPER_ID.slice(8, 17)}`;
    expect(found(household(undefined, { helpersPoorElsewhere: [old] }))).toEqual(['helperIdNumbers.0:helper_is_poor']);
    expect(found(household(undefined, { helpersPoorElsewhere: [] }))).toEqual([]);
  });
});
