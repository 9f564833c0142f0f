/**
 * Synthetic Chinese names for the demo county: people (surname + one or two given-name characters) and
 * places (village and natural-village names built from common place-name syllables). Everything is
 * combined at random; no list of real people or real villages is used.
 */
import type { Rng, Weighted } from './random.ts';

// Common surnames grouped by rough frequency weight (the long tail is flattened: weights only shape the mix).
const SURNAMES_BY_WEIGHT: Record<number, string> = {
  7: '王李张',
  5: '刘陈',
  3: '杨黄吴胡汪',
  2: '赵周徐孙朱高何江程方余',
  1: '郭马罗檀查丁叶潘杜章曹金吕钱许储操夏郝',
};
const SURNAMES: Weighted<string> = Object.entries(SURNAMES_BY_WEIGHT).flatMap(([weight, chars]) =>
  [...chars].map((char) => [char, Number(weight)] as const),
);

// Given-name characters by sex and generation: rural names changed a lot between the 1940s and the 2000s.
const GIVEN = {
  M: {
    old: '国建明志华军德成忠福生金长兴光立新胜庆祥友山宝贵荣发安学文平永东海春林根松柏泉',
    young: '伟强涛斌浩宇鹏磊勇峰波辉刚健杰俊晨博宁轩子睿航毅然凯翔哲瑞锐鑫佳',
  },
  F: {
    old: '秀英兰芳玉珍凤梅红霞华琴云桂娟翠菊花香巧仙银素月',
    young: '丽敏燕静婷艳萍莉雪慧娜芬洁颖琳倩悦欣怡佳梦涵雨萱思瑶晴',
  },
} as const;

/** A random surname, weighted by frequency. */
export function pickSurname(rng: Rng): string {
  return rng.weighted(SURNAMES);
}

/** A synthetic full name; `surname` keeps a child's surname the same as the father's. */
export function personName(rng: Rng, sex: 'M' | 'F', birthYear: number, surname = pickSurname(rng)): string {
  const pool = GIVEN[sex][birthYear < 1975 ? 'old' : 'young'];
  const first = pool.charAt(rng.int(0, pool.length - 1));
  // Single-character given names were common in the 1980s–2000s, rarer before.
  const single = rng.chance(birthYear >= 1980 ? 0.35 : 0.15);
  if (single) return surname + first;
  return surname + first + pool.charAt(rng.int(0, pool.length - 1));
}

// Place-name syllables typical of the hills and lakes of southern Anhui.
const PLACE_FIRST = '石高新黄龙凤金青松杨花白马双三大小官桃竹枫柳梅兴和平永太长清东西南北红光河湖';
const PLACE_SECOND = '塘岭冲畈湾桥山河洲圩埠庄店铺墩岗林园湖港嘴坝集峰井';
const COMMUNITY_SECOND = '园苑城华阳兴安和丰泰';

/**
 * A village or community name unique in `taken` (which it extends), with its suffix: '石塘村', '新华社区'.
 * @throws Error when the syllable space is exhausted (more than about 1,300 villages).
 */
export function villageName(rng: Rng, kind: '村' | '社区', taken: Set<string>): string {
  const second = kind === '社区' ? PLACE_SECOND + COMMUNITY_SECOND : PLACE_SECOND;
  for (let attempt = 0; attempt < 500; attempt++) {
    const base = PLACE_FIRST.charAt(rng.int(0, PLACE_FIRST.length - 1)) + second.charAt(rng.int(0, second.length - 1));
    if (taken.has(base)) continue;
    taken.add(base);
    return base + kind;
  }
  throw new Error('village name space exhausted');
}

const FEATURES = '湾畈冲岭塘屋庄嘴埂墩山桥店圩洼';
const POSITIONS = '上下前后东西南北中新老大小';

/** One natural-village name in one of the usual shapes: 张家湾, 李庄, 下屋组, 老屋. */
function naturalVillageCandidate(rng: Rng): string {
  const feature = FEATURES.charAt(rng.int(0, FEATURES.length - 1));
  const position = POSITIONS.charAt(rng.int(0, POSITIONS.length - 1));
  return rng.weighted<() => string>([
    [() => `${pickSurname(rng)}家${feature}`, 5],
    [() => `${pickSurname(rng)}${rng.pick(['庄', '湾', '冲', '畈', '屋', '院'])}`, 3],
    [() => `${position}${feature}组`, 2],
    [() => `${position}${feature}`, 1],
  ])();
}

/** A natural-village name not yet in `taken` (names repeat across villages but not within one). */
export function naturalVillageName(rng: Rng, taken: Set<string>): string {
  for (let attempt = 0; attempt < 500; attempt++) {
    const name = naturalVillageCandidate(rng);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  throw new Error('natural village name space exhausted');
}
