import { describe, expect, it } from 'vitest';
import { checkHousehold, type HouseholdFacts, type PersonFacts } from './consistency.ts';
import type { IncomeItems } from './income.ts';

const AS_OF = '2017-11-30';
// Valid IDs of Huaining county (340822); check digits computed independently.
const HEAD_ID = '340822196804120110'; // born 1968-04-12, male
const SPOUSE_ID = '340822197009030225'; // born 1970-09-03, female
const CHILD_ID = '340822200506200314'; // born 2005-06-20
const ELDER_ID = '340822194802010410'; // born 1948-02-01
const HELPER_ID = '340822197501010517';

const person = (overrides: Partial<PersonFacts>): PersonFacts => ({
  name: '王大山',
  idNumber: HEAD_ID,
  relation: 'head',
  health: 'healthy',
  labour: 'ordinary',
  schoolStatus: 'none',
  ...overrides,
});

const ITEMS: IncomeItems = {
  wage: 8000,
  production: 3000,
  property: 0,
  dibao: 0,
  wubao: 0,
  pension: 0,
  subsidy: 1200,
  productionCost: 1000,
};

/** A consistent household: ill head (因病), a pupil (因学), a helper from outside. */
function household(overrides: Partial<HouseholdFacts> = {}): HouseholdFacts {
  return {
    attribute: 'general',
    mainCause: 'illness',
    otherCauses: ['schooling'],
    persons: [
      person({ health: 'chronic', labour: 'lost' }),
      person({ name: '李秀英', idNumber: SPOUSE_ID, relation: 'spouse' }),
      person({ name: '王小明', idNumber: CHILD_ID, relation: 'child', labour: 'none', schoolStatus: 'junior' }),
    ],
    income: { items: ITEMS, householdSize: 3 },
    helperIdNumbers: [HELPER_ID],
    ...overrides,
  };
}

/** The household with person `i` changed. */
function withPerson(i: number, overrides: Partial<PersonFacts>, base = household()): HouseholdFacts {
  return { ...base, persons: base.persons.map((p, j) => (j === i ? { ...p, ...overrides } : p)) };
}

const withItems = (overrides: Partial<IncomeItems>, base = household()): HouseholdFacts => ({
  ...base,
  income: { items: { ...ITEMS, ...overrides }, householdSize: 3 },
});

const codes = (h: HouseholdFacts) => checkHousehold(h, { asOf: AS_OF }).map((v) => v.code);

describe('checkHousehold: a consistent household', () => {
  it('has no violations', () => {
    expect(checkHousehold(household(), { asOf: AS_OF })).toEqual([]);
  });

  it('defaults asOf to today and rejects an invalid asOf', () => {
    expect(checkHousehold(household())).toEqual([]);
    expect(() => checkHousehold(household(), { asOf: '2017-02-30' })).toThrow(RangeError);
  });
});

describe('person rules', () => {
  it('id_invalid: reports the reason without repeating the number', () => {
    const v = checkHousehold(withPerson(2, { idNumber: '340822200506200313' }), { asOf: AS_OF });
    expect(v).toEqual([
      {
        code: 'id_invalid',
        path: 'persons.2.idNumber',
        message: {
          zh: '第 3 名成员（王小明）的身份证号校验位错误，可能录入有误',
          en: "Member 3 (王小明): the ID number's check digit is wrong, probably a typing error",
        },
      },
    ]);
    expect(codes(withPerson(1, { idNumber: '34082219700903' }))).toEqual(['id_invalid']);
    // Born after the assessment date.
    expect(codes(withPerson(2, { idNumber: '340822201812010011' }))).toEqual(['id_invalid']);
  });

  it('person_duplicate: the same person twice, also as an old 15-digit number', () => {
    const v = checkHousehold(withPerson(1, { idNumber: HEAD_ID }), { asOf: AS_OF });
    expect(v.map((x) => [x.code, x.path])).toEqual([['person_duplicate', 'persons.1.idNumber']]);
    expect(v[0]?.message.en).toBe(
      'Member 2 (李秀英) has the same ID number as member 1; a person can be registered only once',
    );
    expect(codes(withPerson(1, { idNumber: '340822680412011' }))).toEqual(['person_duplicate']);
  });

  it('head_missing and head_multiple', () => {
    expect(codes(withPerson(0, { relation: 'other' }))).toEqual(['head_missing']);
    const two = checkHousehold(withPerson(1, { relation: 'head' }), { asOf: AS_OF });
    expect(two.map((x) => [x.code, x.path])).toEqual([['head_multiple', 'persons.1.relation']]);
  });

  it('tekun_with_labourer: a labourer aged 16–65 in a 五保 household', () => {
    const tekun = (labourerId: string, labour: PersonFacts['labour'] = 'ordinary'): HouseholdFacts =>
      household({
        attribute: 'tekun',
        mainCause: 'labour',
        otherCauses: [],
        persons: [
          person({ name: '张老汉', idNumber: ELDER_ID, labour: 'none' }),
          person({ name: '张二', idNumber: labourerId, relation: 'sibling', labour }),
        ],
        income: { items: ITEMS, householdSize: 2 },
      });
    const v = checkHousehold(tekun(HEAD_ID), { asOf: AS_OF });
    expect(v.map((x) => [x.code, x.path])).toEqual([['tekun_with_labourer', 'persons.1.labour']]);
    expect(v[0]?.message.zh).toBe(
      '特困供养（五保）户中第 2 名成员（张二）为 49 岁的普通劳动力，五保户不应有 16–65 岁的劳动力',
    );
    expect(codes(tekun(HEAD_ID, 'skilled'))).toEqual(['tekun_with_labourer']);
    expect(codes(tekun(HEAD_ID, 'lost'))).toEqual([]);
    expect(codes(tekun('340822195211300015'))).toEqual(['tekun_with_labourer']); // 65 today
    expect(codes(tekun('340822195211290013'))).toEqual(['tekun_with_labourer']); // 65 since yesterday
    expect(codes(tekun('340822195111300018'))).toEqual([]); // 66 today
    expect(codes(tekun('340822200111300011'))).toEqual(['tekun_with_labourer']); // 16 today
    expect(codes(tekun('340822200112010016'))).toEqual([]); // 15
  });

  it('helper_missing only when helpers are known, helper_is_poor when a helper is a member', () => {
    expect(codes(household({ helperIdNumbers: [] }))).toEqual(['helper_missing']);
    const { helperIdNumbers: _unknown, ...notLoaded } = household();
    expect(codes(notLoaded)).toEqual([]);
    const v = checkHousehold(household({ helperIdNumbers: [HELPER_ID, HEAD_ID] }), { asOf: AS_OF });
    expect(v).toEqual([
      {
        code: 'helper_is_poor',
        path: 'helperIdNumbers.1',
        message: {
          zh: '帮扶责任人不能是本户贫困人口：第 2 名帮扶责任人与第 1 名成员（王大山）身份证号相同',
          en: 'A helper cannot be a registered poor person: helper 2 has the same ID number as member 1 (王大山)',
        },
      },
    ]);
  });
});

describe('cause rules', () => {
  it('main_cause_missing', () => {
    expect(codes(household({ mainCause: null }))).toEqual(['main_cause_missing']);
  });

  it('other_causes_too_many', () => {
    expect(codes(household({ otherCauses: ['schooling', 'capital', 'skills'] }))).toEqual(['other_causes_too_many']);
  });

  it('other_cause_repeats_main and other_cause_duplicate point at the entry', () => {
    const repeat = checkHousehold(household({ otherCauses: ['schooling', 'illness'] }), { asOf: AS_OF });
    expect(repeat.map((x) => [x.code, x.path])).toEqual([['other_cause_repeats_main', 'otherCauses.1']]);
    expect(repeat[0]?.message.zh).toBe('其他致贫原因“因病”与主要致贫原因重复');
    const dup = checkHousehold(household({ otherCauses: ['schooling', 'schooling'] }), { asOf: AS_OF });
    expect(dup.map((x) => [x.code, x.path])).toEqual([['other_cause_duplicate', 'otherCauses.1']]);
  });

  it('illness_without_ill_member, as main or other cause', () => {
    const v = checkHousehold(withPerson(0, { health: 'healthy' }), { asOf: AS_OF });
    expect(v).toEqual([
      {
        code: 'illness_without_ill_member',
        path: 'mainCause',
        message: {
          zh: '主要致贫原因为“因病”，但家庭成员中没有患病者（长期慢性病或大病）',
          en: 'Main cause is illness, but no member has a chronic or serious illness',
        },
      },
    ]);
    const asOther = withPerson(
      0,
      { health: 'healthy' },
      household({ mainCause: 'capital', otherCauses: ['schooling', 'illness'] }),
    );
    expect(checkHousehold(asOther, { asOf: AS_OF }).map((x) => [x.code, x.path])).toEqual([
      ['illness_without_ill_member', 'otherCauses.1'],
    ]);
    expect(codes(withPerson(0, { health: 'serious' }))).toEqual([]);
  });

  it('schooling_without_student', () => {
    expect(codes(withPerson(2, { schoolStatus: 'dropout' }))).toEqual(['schooling_without_student']);
    expect(codes(withPerson(2, { schoolStatus: 'preschool' }))).toEqual([]);
    expect(codes(withPerson(2, { schoolStatus: 'higher' }))).toEqual([]);
  });

  it('disability_without_disabled_member', () => {
    const disabilityMain = household({ mainCause: 'disability', otherCauses: ['illness', 'schooling'] });
    expect(codes(disabilityMain)).toEqual(['disability_without_disabled_member']);
    expect(codes(withPerson(1, { health: 'disabled' }, disabilityMain))).toEqual([]);
  });
});

describe('income rules', () => {
  it('dibao_and_wubao in each of its three forms, reported once', () => {
    expect(codes(withItems({ dibao: 2400, wubao: 3000 }))).toEqual(['dibao_and_wubao']);
    const tekunOnDibao = checkHousehold(withItems({ dibao: 2400 }, household({ attribute: 'tekun' })), {
      asOf: AS_OF,
    }).filter((v) => v.code !== 'tekun_with_labourer');
    expect(tekunOnDibao.map((x) => [x.code, x.path])).toEqual([['dibao_and_wubao', 'income.items.dibao']]);
    expect(codes(withItems({ wubao: 3000 }, household({ attribute: 'dibao_poor' })))).toEqual(['dibao_and_wubao']);
    expect(codes(withItems({ wubao: 3000 }, household({ attribute: 'dibao' })))).toEqual(['dibao_and_wubao']);
    expect(codes(withItems({ dibao: 2400 }, household({ attribute: 'dibao_poor' })))).toEqual([]);
  });

  it('income_out_of_range outside (0, 100000] per person', () => {
    const v = checkHousehold(withItems({ wage: 0, production: 0, subsidy: 0, productionCost: 0 }), { asOf: AS_OF });
    expect(v.map((x) => [x.code, x.path])).toEqual([['income_out_of_range', 'income']]);
    expect(v[0]?.message.zh).toContain('人均纯收入 0.00 元不在合理范围内');
    expect(codes(withItems({ wage: 296800.03 }))).toEqual(['income_out_of_range']);
    expect(codes(withItems({ wage: 296800 }))).toEqual([]); // exactly 100,000 per person
    expect(codes(withItems({ wage: Number.NaN }))).toEqual(['income_out_of_range']);
  });

  it('household_size_mismatch', () => {
    const h = household({ income: { items: ITEMS, householdSize: 4 } });
    expect(checkHousehold(h, { asOf: AS_OF }).map((x) => [x.code, x.path])).toEqual([
      ['household_size_mismatch', 'income.householdSize'],
    ]);
    expect(codes(household({ income: { items: ITEMS, householdSize: 0 } }))).toEqual(['household_size_mismatch']);
    expect(codes(household({ income: null }))).toEqual([]);
  });
});

describe('checkHousehold: many problems at once', () => {
  it('returns every violation, people first', () => {
    const broken = household({
      attribute: 'tekun',
      mainCause: null,
      otherCauses: ['disability', 'disability', 'water'],
      persons: [person({ relation: 'spouse', idNumber: 'bad' })],
      income: { items: { ...ITEMS, dibao: 100, wubao: 100 }, householdSize: 2 },
      helperIdNumbers: [],
    });
    expect(codes(broken)).toEqual([
      'id_invalid',
      'head_missing',
      'main_cause_missing',
      'other_causes_too_many',
      'other_cause_duplicate',
      'disability_without_disabled_member',
      'dibao_and_wubao',
      'household_size_mismatch',
      'helper_missing',
    ]);
  });
});
