import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  checkDigit,
  makeResidentId,
  maskBankAccount,
  maskPhone,
  maskResidentId,
  parseResidentId,
} from './ids.ts';

const TODAY = '2024-06-01';

describe('checkDigit', () => {
  it('computes the ISO 7064 MOD 11-2 character of the known examples', () => {
    expect(checkDigit('11010519491231002')).toBe('X');
    expect(checkDigit('44052418800101001')).toBe('4');
  });

  it('rejects anything but 17 digits', () => {
    expect(() => checkDigit('1101051949123100')).toThrow(RangeError);
    expect(() => checkDigit('1101051949123100X')).toThrow(RangeError);
  });
});

describe('parseResidentId', () => {
  it('accepts the known valid 18-digit IDs and extracts their facts', () => {
    expect(parseResidentId('11010519491231002X', TODAY)).toEqual({
      ok: true,
      id: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'F',
      areaCode: '110105',
    });
    // Born 1880: valid by the standard, so only accepted once the plausibility floor is lowered.
    expect(parseResidentId('440524188001010014', TODAY)).toEqual({ ok: false, reason: 'birth_date' });
    expect(parseResidentId('440524188001010014', TODAY, 1800)).toEqual({
      ok: true,
      id: '440524188001010014',
      birthDate: '1880-01-01',
      sex: 'M',
      areaCode: '440524',
    });
  });

  it('normalises a lowercase x and stray whitespace', () => {
    const r = parseResidentId(' 110105 19491231 002x ', TODAY);
    expect(r).toMatchObject({ ok: true, id: '11010519491231002X' });
  });

  it('upgrades an old 15-digit number to 18 digits with its check digit', () => {
    expect(parseResidentId('110105491231002', TODAY)).toEqual({
      ok: true,
      id: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'F',
      areaCode: '110105',
    });
  });

  it('reports a wrong check digit', () => {
    expect(parseResidentId('110105194912310021', TODAY)).toEqual({ ok: false, reason: 'check_digit' });
  });

  it('reports malformed input as format', () => {
    for (const bad of ['', '1101051949123100', '11010519491231002Y', '1101051949123100XX', 'X10105491231002']) {
      expect(parseResidentId(bad, TODAY)).toEqual({ ok: false, reason: 'format' });
    }
  });

  it('rejects impossible, too old and future birth dates', () => {
    const with17 = (first17: string) => first17 + checkDigit(first17);
    expect(parseResidentId(with17('34082220230229001'), TODAY)).toEqual({ ok: false, reason: 'birth_date' });
    expect(parseResidentId(with17('34082218891231001'), TODAY)).toEqual({ ok: false, reason: 'birth_date' });
    expect(parseResidentId(with17('34082220240602001'), TODAY)).toEqual({ ok: false, reason: 'birth_date' });
    expect(parseResidentId(with17('34082220240601001'), TODAY)).toMatchObject({ ok: true });
  });

  it('reads a Date `today` as the China calendar day', () => {
    const id = makeResidentId('340822', '2024-06-02', 1);
    // 2024-06-01T17:00Z is already 2 June in Beijing.
    expect(parseResidentId(id, new Date('2024-06-01T17:00:00Z'))).toMatchObject({ ok: true });
    expect(parseResidentId(id, new Date('2024-06-01T15:00:00Z'))).toEqual({ ok: false, reason: 'birth_date' });
  });
});

describe('makeResidentId', () => {
  it('builds a valid ID whose sex follows the sequence parity', () => {
    expect(makeResidentId('110105', '1949-12-31', 2)).toBe('11010519491231002X');
    expect(parseResidentId(makeResidentId('340822', '1970-05-17', 123), TODAY)).toEqual({
      ok: true,
      id: '340822197005171231',
      birthDate: '1970-05-17',
      sex: 'M',
      areaCode: '340822',
    });
  });

  it('round-trips through parseResidentId for any date and sequence', () => {
    const date = fc.date({
      min: new Date('1890-01-01T00:00:00Z'),
      max: new Date('2024-05-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 999 }), (d, seq) => {
        const birth = d.toISOString().slice(0, 10);
        const parsed = parseResidentId(makeResidentId('340822', birth, seq), TODAY);
        return parsed.ok && parsed.birthDate === birth && parsed.sex === (seq % 2 === 1 ? 'M' : 'F');
      }),
    );
  });

  it('rejects bad arguments', () => {
    expect(() => makeResidentId('34082', '1970-01-01', 1)).toThrow(RangeError);
    expect(() => makeResidentId('340822', '1970-02-30', 1)).toThrow(RangeError);
    expect(() => makeResidentId('340822', '1970-01-01', 1000)).toThrow(RangeError);
    expect(() => makeResidentId('340822', '1970-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  it('counts completed years', () => {
    expect(ageOn('1949-12-31', '2024-12-30')).toBe(74);
    expect(ageOn('1949-12-31', '2024-12-31')).toBe(75);
    expect(ageOn('2010-06-01', '2010-06-01')).toBe(0);
  });

  it('ages a 29 February birth on 1 March in common years', () => {
    expect(ageOn('2008-02-29', '2023-02-28')).toBe(14);
    expect(ageOn('2008-02-29', '2023-03-01')).toBe(15);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
  });

  it('rejects invalid dates and dates before birth', () => {
    expect(() => ageOn('2008-02-30', '2024-01-01')).toThrow(RangeError);
    expect(() => ageOn('2008-01-01', '2007-12-31')).toThrow(RangeError);
  });
});

describe('masking', () => {
  it('masks an ID number to area code and last 4', () => {
    expect(maskResidentId('34082219700517123X')).toBe('340822********123X');
    expect(maskResidentId('110105491231002')).toBe('110105********1002');
    expect(maskResidentId('12345')).toBe('*****');
  });

  it('masks a mobile number to 3 + 4 digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('5123456')).toBe('****3456');
    expect(maskPhone('110')).toBe('***');
  });

  it('masks a bank account to its last 4 digits', () => {
    expect(maskBankAccount('6217 0012 3456 7890 123')).toBe('**** **** **** 0123');
    expect(maskBankAccount('6217001234567890')).toBe('**** **** **** 7890');
    expect(maskBankAccount('1234')).toBe('**** **** **** ****');
  });
});
