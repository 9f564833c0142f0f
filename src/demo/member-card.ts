/**
 * The "soft" part of a party member's information card (党员信息卡): post, work unit, expertise,
 * willingness to serve and interests. They are drawn together because they hang together: the village
 * doctor's expertise is medical and he offers health help, which is what matching members to
 * households later relies on.
 */

import type { VillagePlan } from './places.ts';
import type { Rng, Weighted } from './random.ts';

/** Posts of ordinary members by age band. */
const POSTS_WORKING_AGE: Weighted<string | null> = [
  ['村民', 40],
  ['个体户', 12],
  ['种养大户', 12],
  ['村民小组长', 8],
  ['退役军人', 5],
  ['乡村医生', 3],
  ['合作社负责人', 3],
  ['乡村教师', 3],
  [null, 14],
];
const POSTS_ELDERLY: Weighted<string | null> = [
  [null, 40],
  ['村民', 35],
  ['退休教师', 9],
  ['退休干部', 6],
  ['乡村医生', 2],
  ['村民小组长', 3],
  ['退役军人', 5],
];

/** A post for an ordinary member (cadres and migrants get theirs elsewhere). */
export function ordinaryPost(rng: Rng, age: number): string | null {
  return rng.weighted(age >= 62 ? POSTS_ELDERLY : POSTS_WORKING_AGE);
}

// Expertise that fits each post; members without a listed post draw from the farming list.
const EXPERTISE_BY_POST: Record<string, readonly string[]> = {
  村党支部书记: ['policy', 'business', 'planting'],
  社区党支部书记: ['policy', 'business', 'law'],
  村委会主任: ['policy', 'planting', 'business'],
  社区居委会主任: ['policy', 'law', 'employment'],
  村党支部委员: ['policy', 'accounting', 'planting', 'breeding'],
  社区党支部委员: ['policy', 'accounting', 'employment'],
  乡村医生: ['medical'],
  乡村教师: ['teaching'],
  退休教师: ['teaching', 'policy'],
  退休干部: ['policy', 'law', 'accounting'],
  个体户: ['business', 'ecommerce', 'transport', 'processing'],
  种养大户: ['planting', 'breeding', 'processing'],
  合作社负责人: ['business', 'planting', 'ecommerce', 'tourism'],
  退役军人: ['transport', 'construction', 'machinery'],
  外出务工: ['construction', 'employment', 'transport', 'machinery'],
};
const FARMING = ['planting', 'breeding', 'construction', 'machinery', 'handicraft'];

// Which help each expertise lets a member offer.
const WILLINGNESS_BY_EXPERTISE: Record<string, string> = {
  planting: 'industry',
  breeding: 'industry',
  processing: 'industry',
  tourism: 'industry',
  ecommerce: 'industry',
  business: 'finance',
  accounting: 'finance',
  machinery: 'employment',
  transport: 'employment',
  employment: 'employment',
  construction: 'housing',
  teaching: 'education',
  medical: 'health',
  law: 'policy',
  policy: 'policy',
  handicraft: 'industry',
};
const GENERAL_WILLINGNESS = ['care', 'counselling', 'policy', 'industry', 'employment'];

const INTERESTS = [
  '读书看报',
  '下象棋',
  '种花养草',
  '钓鱼',
  '太极拳',
  '广场舞',
  '书法',
  '唱黄梅戏',
  '打篮球',
  '摄影',
  '散步',
  '看新闻',
  '剪纸',
  '打乒乓球',
  '听戏',
];
const MIGRANT_PLACES = ['江苏苏州', '浙江宁波', '上海', '浙江杭州', '广东东莞', '安徽合肥', '江苏无锡'];
const SHOPS = ['便民超市', '农资店', '五金店', '小吃店', '农机修理铺', '建材店'];

/** The post's core expertise first, then 0–2 more; old or plain members may list none. */
function drawExpertise(rng: Rng, post: string | null, age: number): string[] {
  const fitting = (post && EXPERTISE_BY_POST[post]) || FARMING;
  const plain = post === null || post === '村民' || post === '村民小组长';
  const count = plain
    ? rng.weighted([
        [0, age >= 70 ? 5 : 2],
        [1, 4],
        [2, 2],
      ] as const)
    : rng.int(1, Math.min(3, fitting.length));
  const list = rng.shuffle(fitting).slice(0, count);
  if (!plain && fitting[0] && !list.includes(fitting[0])) list[0] = fitting[0];
  return [...new Set(list)];
}

/** 1–3 kinds of help, led by what the expertise suits. */
function drawWillingness(rng: Rng, expertise: readonly string[]): string[] {
  const out = new Set<string>();
  for (const e of expertise) {
    const w = WILLINGNESS_BY_EXPERTISE[e];
    if (w && out.size < 3) out.add(w);
  }
  const extra = rng.int(out.size === 0 ? 1 : 0, 1);
  for (const w of rng.shuffle(GENERAL_WILLINGNESS).slice(0, extra)) if (out.size < 3) out.add(w);
  return [...out];
}

function workUnit(rng: Rng, post: string | null, village: VillagePlan, natural: string): string | null {
  const committee = village.kind === '村' ? `${village.name}村民委员会` : `${village.name}居民委员会`;
  if (post?.endsWith('书记') || post?.endsWith('主任') || post?.endsWith('委员')) return committee;
  switch (post) {
    case '乡村医生':
      return `${village.name}卫生室`;
    case '乡村教师':
    case '退休教师':
      return `${village.township.name}中心小学`;
    case '个体户':
      return `${natural}${rng.pick(SHOPS)}`;
    case '种养大户':
      return `${natural}${rng.pick(['家庭农场', '养殖场', '种植基地'])}`;
    case '合作社负责人':
      return `${village.name.slice(0, 2)}${rng.pick(['水稻', '茶叶', '蔬菜', '水产', '苗木'])}专业合作社`;
    case '外出务工':
      return `${rng.pick(MIGRANT_PLACES)}务工`;
    default:
      return null;
  }
}

/** Card fields that follow from the post. */
export interface CardExtras {
  work_unit: string | null;
  expertise: string[];
  willingness: string[];
  interests: string;
}

/** Draws the card fields for a member with this post, age and home. */
export function memberCardExtras(
  rng: Rng,
  post: string | null,
  age: number,
  village: VillagePlan,
  natural: string,
): CardExtras {
  const expertise = drawExpertise(rng, post, age);
  return {
    work_unit: workUnit(rng, post, village, natural),
    expertise,
    willingness: drawWillingness(rng, expertise),
    interests: rng.shuffle(INTERESTS).slice(0, rng.int(1, 3)).join('、'),
  };
}
