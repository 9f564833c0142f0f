/** Texts of the dashboard's Party life section (党组织生活与星级评定). */

const zh = {
  title: (year: number) => `${year} 年党组织生活与星级评定`,
  activities: '组织生活落实',
  required: '应开展',
  held: '按期开展',
  late: '逾期开展',
  missed: '未开展',
  due: '未到期',
  rate: '按期开展率',
  noActivities: '这个范围内还没有党小组或组织生活计划。',
  stars: '星级评定',
  starLabel: (n: number) => `${n} 星`,
  vetoed: '一票否决',
  exempt: '不参评',
  unrated: '未评定',
  rated: (n: number) => `参评党员 ${n} 名`,
  stage: { review: '评议中', notice: '公示中', final: '已确定' } as Record<string, string>,
  notComputed: '本年度星级尚未评定。',
  complianceLink: '组织生活落实情况',
  boardLink: '星级评定看板',
  empty: '这个范围内还没有党组织生活或星级评定数据。',
};

export type PartyLifeMessages = typeof zh;

const en: PartyLifeMessages = {
  title: (year) => `Party life and stars, ${year}`,
  activities: 'Organisational life',
  required: 'Required',
  held: 'Held in time',
  late: 'Held late',
  missed: 'Missed',
  due: 'Not yet due',
  rate: 'Held in time',
  noActivities: 'No Party groups or activity plans in this scope yet.',
  stars: 'Star ratings',
  starLabel: (n) => `${n} ★`,
  vetoed: 'Vetoed',
  exempt: 'Exempt',
  unrated: 'Not rated',
  rated: (n) => `${n} members rated`,
  stage: { review: 'Under review', notice: 'On public notice', final: 'Final' },
  notComputed: "This year's stars are not computed yet.",
  complianceLink: 'Compliance by unit',
  boardLink: 'Star board',
  empty: 'No Party life or star figures in this scope yet.',
};

export const partyLifeMessages = { zh, en };
