/**
 * Members in Shanghai, Zhejiang and southern Jiangsu write as they speak (阿拉是宁波个民盟盟员,
 * 伊叫啥名字, 搿个哪能申请, 有啥讲究伐): 阿拉 is 我, 侬 is 你, 个 after a word is 的. Read in
 * Mandarin, a member's own story (阿拉是……街道个统战干部) is told by 我 and set aside like any
 * other, rather than read as places and bodies the fact must be of.
 */
import { CLAUSE_END, type Reading, readWith } from './readings';

/** 阿拉伯, 阿拉斯加, 阿拉善 (a league of Inner Mongolia), 阿拉山口, 阿拉木图 and Mongolian names (阿拉坦, 阿拉腾) are names. */
const ALA = '阿拉(?!伯|斯加|善|山口|尔|丁|木图|坦|腾|沟|套|巴马|法特)';
/** 吴侬软语, 侬族 and 侬智高 are Mandarin words. */
const NONG = '(?<!吴)侬(?!族|人|智高)';
/** 伐 and 𠲎 end a yes-no question as 吗 does (有啥讲究伐？); 砍伐, 禁伐, 步伐, 口诛笔伐 are words. */
const FINAL_FA = `(?<=\\p{Script=Han})(?<![砍讨征杀步采北滥诛挞攻盗禁乱笔偷间择皆])[伐𠲎](?=${CLAUSE_END})`;
/** 哪能 before what one does asks how; 在哪能听到, 去哪能买 ask where one can, as in Mandarin. */
const HOW = '(?<![在去到从])哪能';
/** 几化 asks how many; 几好几化几有 names a standard's parts, as 四化 does. */
const HOW_MANY = '(?<!好)几化(?!几)';

/**
 * 额 between words where Mandarin writes 的 (争取额项目经费, 培养额民进人); not in words (金额, 名额, 额度, 额外, 总增加额,
 * 营业额是多少), nor after what Jin's 额 (我) follows (叫额, 是额, 给额).
 */
const POSSESSIVE_E = '(?<=\\p{Script=Han})(?<![金名份余限超定数总差配税面全巨票基减增加匾叫让给跟和帮替是])额(?=\\p{Script=Han})(?![度外头是有为多少达共约超占近逾定济尔敏])';

/** Words only Wu writes, read as Mandarin wherever they stand. */
const ALWAYS: Reading[] = [
  [new RegExp(ALA, 'g'), '我'],
  [new RegExp(NONG, 'g'), '你'],
  // 伊拉 is 他们 and 伊 before what someone is or does is 他; 伊拉克, 伊犁, 伊朗, 伊春 are places.
  [/伊拉(?!克)/g, '他们'],
  [/(?<![木乃])伊(?=[叫是讲说做搞在有个拉])(?!拉克|斯兰)/g, '他'],
  [/搿搭/g, '这里'],
  [/搿点/g, '这些'],
  [/搿/g, '这'],
  [new RegExp(HOW, 'g'), '怎么'],
  // 啥人群, 啥人士, 啥人员: what kind of people, as in Mandarin; 啥人大代表, 啥人事: 人 begins a word.
  [/啥人(?![群士员物才家数次口力大事社文选脉情民工身防居格生权])/g, '谁'],
  [/辰光/g, '时候'],
  [/几钿|多少钞票/g, '多少钱'],
  [new RegExp(HOW_MANY, 'g'), '多少'],
  [/里向/g, '里面'],
  [/(?:呒|嘸|无)没/g, '没有'],
  [/覅/g, '不要'],
  [/(?<![请切])勿/g, '不'],
  [new RegExp(FINAL_FA, 'gu'), '吗'],
  [new RegExp(POSSESSIVE_E, 'gu'), '的'],
  [/事体/g, '事情'],
  // 桩 counts things and events alike, as 个 does (四桩事体, 调研做了几桩).
  [/(?<=[一二两三四五六七八九十几每哪这那])桩/g, '个'],
];

/** Words a question shows it is written in Wu by; 个 for 的 is read only beside one of them. */
const WU_MARKER = new RegExp(`${ALA}|${NONG}|搿|${HOW}(?![不没]|呢|这么|那么)|辰光|里向|几钿|${HOW_MANY}|事体|${FINAL_FA}|${POSSESSIVE_E}`, 'u');

/**
 * 个 after a word where Mandarin writes 的 (街道个统战干部, 泸州个人才工作, 在重庆开个): not after
 * a number, a demonstrative, 每, 各, 了, 是 or 有, where it counts (一个, 多少个, 十来个, 这个, 搞了个, 有个,
 * 上个月), nor in words (个人, 个别, 个旧, 个税, 个个).
 */
const POSSESSIVE_GE =
  /(?<=\p{Script=Han})(?<![一二两三四五六七八九十百千万几多少干么个每这那哪各某整半单真了是有上下])(?<![十百千万]来)个(?!人|别|体|性|案|把|子|旧|税|例|展|股|位|月|星期|礼拜|季度|个)/gu;

export function wuInMandarin(text: string): string {
  if (!WU_MARKER.test(text)) return text;
  return readWith(ALWAYS, text).replace(POSSESSIVE_GE, '的');
}
