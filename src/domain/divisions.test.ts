import { describe, expect, it } from 'vitest';
import {
  ancestorAt,
  countyOf,
  divisionLevel,
  isWithin,
  parentCode,
  provinceOf,
  townshipKind,
  validateDivisionCode,
} from './divisions.ts';

// Huaining county (怀宁县) and its town 高河镇, from the NBS 2023 list.
const COUNTY = '340822';
const TOWN = '340822100';
const VILLAGE = '340822100201';
const NATURAL = '340822100201003';

describe('divisionLevel', () => {
  it('reads the level from the code length', () => {
    expect(divisionLevel('34')).toBe('province');
    expect(divisionLevel('3408')).toBe('city');
    expect(divisionLevel(COUNTY)).toBe('county');
    expect(divisionLevel(TOWN)).toBe('township');
    expect(divisionLevel(VILLAGE)).toBe('village');
    expect(divisionLevel(NATURAL)).toBe('natural_village');
  });

  it('returns null for other lengths and non-digits', () => {
    expect(divisionLevel('340')).toBeNull();
    expect(divisionLevel('3408221')).toBeNull();
    expect(divisionLevel('34082A')).toBeNull();
    expect(divisionLevel('')).toBeNull();
  });
});

describe('townshipKind', () => {
  it('maps the segment ranges to 街道, 镇 and 乡', () => {
    expect(townshipKind('340802001')).toBe('街道');
    expect(townshipKind('340822099')).toBe('街道');
    expect(townshipKind(TOWN)).toBe('镇');
    expect(townshipKind('340822199')).toBe('镇');
    expect(townshipKind('340822200')).toBe('乡');
    expect(townshipKind('340822399')).toBe('乡');
  });

  it('returns null outside the ranges and for non-township codes', () => {
    expect(townshipKind('340822000')).toBeNull();
    expect(townshipKind('110115403')).toBeNull();
    expect(townshipKind(COUNTY)).toBeNull();
  });
});

describe('ancestors', () => {
  it('walks one level up at a time', () => {
    expect(parentCode(NATURAL)).toBe(VILLAGE);
    expect(parentCode(VILLAGE)).toBe(TOWN);
    expect(parentCode(TOWN)).toBe(COUNTY);
    expect(parentCode(COUNTY)).toBe('3408');
    expect(parentCode('3408')).toBe('34');
    expect(parentCode('34')).toBeNull();
  });

  it('finds county and province', () => {
    expect(countyOf(NATURAL)).toBe(COUNTY);
    expect(countyOf(COUNTY)).toBe(COUNTY);
    expect(countyOf('3408')).toBeNull();
    expect(provinceOf(VILLAGE)).toBe('34');
    expect(provinceOf('34')).toBe('34');
    expect(ancestorAt(VILLAGE, 'township')).toBe(TOWN);
  });

  it('throws on malformed codes', () => {
    expect(() => parentCode('3408221')).toThrow(RangeError);
    expect(() => countyOf('abc')).toThrow(RangeError);
  });
});

describe('isWithin', () => {
  it('is prefix containment, including the scope itself', () => {
    expect(isWithin(NATURAL, COUNTY)).toBe(true);
    expect(isWithin(COUNTY, COUNTY)).toBe(true);
    expect(isWithin(VILLAGE, '340822101')).toBe(false);
    expect(isWithin(COUNTY, VILLAGE)).toBe(false);
  });

  it('fails closed on malformed codes', () => {
    expect(isWithin('3408221001', COUNTY)).toBe(false);
    expect(isWithin(VILLAGE, '')).toBe(false);
  });
});

describe('validateDivisionCode', () => {
  it('accepts good codes of the expected level', () => {
    expect(validateDivisionCode(COUNTY, 'county')).toEqual([]);
    expect(validateDivisionCode(NATURAL, 'natural_village')).toEqual([]);
    expect(validateDivisionCode('441900', 'county')).toEqual([]);
  });

  it('reports format alone for malformed codes', () => {
    const problems = validateDivisionCode('34082', 'county');
    expect(problems.map((p) => p.code)).toEqual(['format']);
    expect(problems[0]?.message.zh).toContain('格式错误');
  });

  it('reports a code of the wrong level', () => {
    const problems = validateDivisionCode(TOWN, 'village');
    expect(problems.map((p) => p.code)).toEqual(['level']);
    expect(problems[0]?.message.en).toBe(
      'Division code 340822100 is a township code; a village code (12 digits) is needed',
    );
  });

  it('reports each bad segment', () => {
    expect(validateDivisionCode('990822', 'county')).toMatchObject([{ code: 'segment', segment: 'province' }]);
    expect(validateDivisionCode('3400', 'city')).toMatchObject([{ code: 'segment', segment: 'city' }]);
    expect(validateDivisionCode('340822000', 'township')).toMatchObject([{ code: 'segment', segment: 'township' }]);
    expect(validateDivisionCode('340822100000', 'village')).toMatchObject([{ code: 'segment', segment: 'village' }]);
    expect(validateDivisionCode('340822100201000', 'natural_village')).toMatchObject([
      { code: 'segment', segment: 'natural_village' },
    ]);
    expect(validateDivisionCode('990822000', 'township').map((p) => p.segment)).toEqual(['province', 'township']);
  });

  it('asks the lookup only for plausible codes', () => {
    const known = (code: string) => code === COUNTY;
    expect(validateDivisionCode(COUNTY, 'county', known)).toEqual([]);
    expect(validateDivisionCode('340899', 'county', known).map((p) => p.code)).toEqual(['unknown']);
    expect(validateDivisionCode('340822000', 'township', known).map((p) => p.code)).toEqual(['segment']);
    expect(validateDivisionCode('340899', 'township', known).map((p) => p.code)).toEqual(['level', 'unknown']);
  });
});
