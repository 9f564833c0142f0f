/**
 * The demo's help-record texts: what a helper writes after a visit, varied the way real notes vary (the visit's
 * date, what was done with its numbers, what the household said, what comes next), so that the near-duplicate
 * check meets honest notes that resemble each other without being copies. The planted copies
 * (planted-fabrications.ts) are one text pasted many times with small edits.
 */
import type { Rng } from './random.ts';

const OPENERS = [
  '入户走访',
  '上门看望',
  '到户了解情况',
  '电话联系后入户',
  '与村干部一同入户',
  '再次入户',
  '按计划走访',
  '利用周末入户',
];

const ACTIONS: Record<string, ((n: number) => string)[]> = {
  industry: [
    (n) => `帮助申请产业奖补${n}00元`,
    (n) => `送去鸡苗${n}只并讲解防疫`,
    (n) => `指导栽种茶苗${n}株`,
    (n) => `联系收购商收购生猪${n}头`,
    (n) => `协助流转土地${n}亩`,
    (n) => `讲解稻虾共养技术，约定${n}天后再看`,
  ],
  employment: [
    (n) => `推荐到县城工地务工，日薪${n + 100}元`,
    (n) => `联系扶贫车间岗位，月薪${n * 10 + 1500}元`,
    (n) => `帮助办理就业登记，介绍${n}家单位`,
    (n) => `落实外出务工交通补贴${n * 10}元`,
  ],
  welfare_job: [
    (n) => `协调保洁公益岗，月补贴${n * 10 + 300}元`,
    (n) => `核实护林员上岗${n}天`,
    (n) => `安排村道保洁岗位，每周${n}小时`,
  ],
  education: [
    (n) => `落实雨露计划补助${n * 50}元`,
    (n) => `了解孩子期中考试，数学${n + 50}分`,
    (n) => `送去学习用品${n}件`,
    (n) => `帮助申请助学金${n * 100}元`,
  ],
  health: [
    (n) => `协助报销医药费${n * 30}元`,
    (n) => `陪同到乡卫生院复查，预约${n}天后`,
    (n) => `联系家庭医生随访，量血压${n + 100}`,
    (n) => `帮助续缴医保${n * 10}元`,
  ],
  finance: [
    (n) => `协助申请小额信贷${n}千元`,
    (n) => `讲解贷款贴息，核对还款${n * 100}元`,
    (n) => `帮助办理产业保险，保额${n}00元`,
  ],
  living_conditions: [
    (n) => `协调修缮院墙${n}米`,
    (n) => `联系电工更换线路${n}米`,
    (n) => `落实改厕补助${n * 10}元`,
    (n) => `帮助安装自来水管${n}米`,
  ],
  safety_net: [
    (n) => `核实低保金到账${n * 10}元`,
    (n) => `讲解特困供养政策，核对${n}页材料`,
    (n) => `协助年审材料${n}份`,
  ],
  other: [
    (n) => `宣讲惠民政策${n}条`,
    (n) => `帮助收割稻谷约${n}0斤`,
    (n) => `送去米油${n}斤`,
    (n) => `一起打扫院落${n}分钟`,
  ],
};

/** Who spoke and what they said: 9 × 24 combinations. */
const WHO = [
  '户主说',
  '老人讲',
  '孩子妈妈提到',
  '户主的儿子说',
  '户主爱人讲',
  '家里人都说',
  '隔壁邻居也说',
  '户主自己提出',
  '老两口都说',
];
const SAID = [
  '近期身体还好',
  '希望冬天前修好屋顶',
  '想学电商卖土特产',
  '孩子在县城读高中成绩不错',
  '今年油菜长势不错',
  '想再多养几头黄牛',
  '对帮扶比较满意',
  '希望修一下门前的路',
  '腿脚不便需要有人照顾',
  '明年打算扩种茶叶',
  '担心农产品卖不出去',
  '在外打工的钱按月寄回',
  '想了解城乡居民养老保险',
  '刚收完玉米正在晾晒',
  '想参加县里的技能培训',
  '自来水有时水压不够',
  '家里的旱厕还没改',
  '想把老房子翻修一下',
  '药费负担还是比较重',
  '想申请一个公益岗位',
  '孩子明年要考大学了',
  '去年种的果树今年挂果',
  '村里的合作社分了红',
  '想买一台小型旋耕机',
];
/** When and what comes next: 8 × 10 combinations, or nothing. */
const WHEN = ['下周', '月底前', '过几天', '下个月初', '节前', '收完庄稼后', '等天晴了', '开春后'];
const NEXT = [
  '带技术员再来',
  '电话回访',
  '把材料送到乡里',
  '陪同去县医院',
  '跟村委一起商量',
  '联系收购商上门',
  '帮忙填申请表',
  '再来看看进展',
  '落实补助到账',
  '请专家来指导',
];

const MONTH_DAY = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** A helper's note of a visit on `visitedOn` with `measure`. */
export function helpText(rng: Rng, measure: string, visitedOn: string): string {
  const actions = ACTIONS[measure] ?? (ACTIONS.other as ((n: number) => string)[]);
  const action = rng.pick(actions)(rng.int(1, 60));
  const parts = [`${MONTH_DAY(visitedOn)}${rng.pick(OPENERS)}`, action, `${rng.pick(WHO)}${rng.pick(SAID)}`];
  if (rng.chance(0.85)) parts.push(`${rng.pick(WHEN)}${rng.pick(NEXT)}`);
  return `${parts.join('，')}。`;
}
