/** The marked example rows of each template (per sheet), synthetic values only; the import skips them. */
import type { ImportKind } from './types.ts';

type Examples = Array<Array<Record<string, unknown>>>;

export const TEMPLATE_EXAMPLES: Record<ImportKind, Examples> = {
  'org-units': [
    [
      { code: '340822100201', parentCode: '340822100', name: '示例村', kind: '村' },
      {
        code: '340822100201001',
        parentCode: '340822100201',
        name: '示例自然村',
        kind: '自然村',
        lat: 30.73,
        lng: 116.83,
      },
    ],
  ],
  members: [
    [
      {
        name: '张示例',
        idNumber: '11010519491231002X',
        ethnicity: 'han',
        education: 'senior',
        joinDate: '1975-07-01',
        membership: 'formal',
        branchName: '示例村党支部',
        naturalVillageCode: '340822100201001',
        capacity: 1,
        isMigrant: false,
      },
    ],
  ],
  households: [
    [
      {
        registryNo: 'SL-0001',
        naturalVillageCode: '340822100201001',
        standard: 'national',
        attribute: 'general',
        mainCause: 'illness',
        identifiedYear: 2014,
        hasPower: true,
        safeWater: true,
      },
    ],
    [
      {
        registryNo: 'SL-0001',
        name: '李示例',
        idNumber: '440524188001010014',
        relation: 'head',
        ethnicity: 'han',
        education: 'primary',
        labour: 'ordinary',
        health: 'chronic',
      },
    ],
    [{ registryNo: 'SL-0001', year: 2019, wage: 8000, production: 2000, subsidy: 500 }],
  ],
};
