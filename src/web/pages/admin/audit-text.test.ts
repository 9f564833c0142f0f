import { describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS } from '../../../shared/audit-labels.ts';
import { auditText } from './audit-text.ts';

describe('audit viewer text', () => {
  for (const lang of ['zh', 'en'] as const) {
    const t = auditText(lang);

    it(`shows every known action by its label, never the code (${lang})`, () => {
      for (const code of Object.keys(AUDIT_ACTION_LABELS)) expect(t.action(code)).not.toBe(code);
    });

    it(`names tables and form fields by their labels (${lang})`, () => {
      expect(t.table('party_member')).not.toBe('party_member');
      expect(t.field('per_capita_income')).not.toBe('per_capita_income');
      expect(t.field('join_date')).not.toBe('join_date');
      expect(t.field('no_such_column')).toBe('no_such_column');
    });
  }

  it('shows the outcome of a sign-in in words', () => {
    expect(auditText('zh').diff({ outcome: [null, 'wrong_password'], login: [null, 'ab***'] })).toBe(
      '结果: 密码错误; 登录名: ab***',
    );
    expect(auditText('en').diff({ outcome: [null, 'ok'] })).toBe('Outcome: Signed in');
  });

  it('labels the changed fields of an update', () => {
    expect(auditText('zh').diff({ phone: ['138****0000', '139****0000'], has_power: [false, true] })).toBe(
      '联系电话: 138****0000 → 139****0000; 通生活用电: 否 → 是',
    );
  });
});
