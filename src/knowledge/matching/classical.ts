/**
 * Retired teachers and cadres write in a half-classical style (敢问此馆全称为何, 陈列馆迎客几何, 片会在何处开,
 * 亦建有调解体系否, 乃哪两句耶, 鄙人退休前在中江县教书): its question words are read in their Mandarin form,
 * and its words for oneself as 我, so that a member's own story is set aside like any other.
 */
import { CLAUSE_END, type Reading, readWith } from './readings';

/** 何 of a Mandarin word: 任何, 如何 (如何处理 holds no 何处), 为何, 几何, 奈何. */
const HE = '(?<![任如为几奈])何';

const IN_MANDARIN: Reading[] = [
  // 系何单位, 系哪几个党派: 系 is 是 before what is asked.
  [/(?<![联连关体维派世干])系(?=何|哪|谁)/g, '是'],
  // 几何上的, 几何图形: geometry.
  [/几何(?![上学图形体级])|几许/g, '多少'],
  [new RegExp(`${HE}(?:处|地(?!方)|方(?!面))`, 'g'), '哪里'],
  [new RegExp(`${HE}人`, 'g'), '谁'],
  [new RegExp(`${HE}者`, 'g'), '哪个'],
  [new RegExp(`${HE}年`, 'g'), '哪年'],
  [new RegExp(`${HE}月`, 'g'), '几月'],
  [new RegExp(`${HE}日`, 'g'), '哪天'],
  [new RegExp(`若何|${HE}如`, 'g'), '怎么样'],
  [new RegExp(`${HE}谓`, 'g'), '什么是'],
  [new RegExp(`${HE}(?=[种类样位家项些])`, 'g'), '哪'],
  [new RegExp(`${HE}(?=单位|部门|机构|党派|组织|地方)`, 'g'), '哪个'],
  [new RegExp(`${HE}(?=[职名物事意])`, 'g'), '什么'],
  // 为何 ending a clause after what names a thing asks what it is (全称为何, 之例为何, 其意为何); elsewhere (为何改到
  // 武汉, 不知为何, 究竟为何, 这是为何) it asks why, and Mandarin reads it as 为什么.
  [new RegExp(`(?<=[称名例意容题字物者点号词语句标旨义指式法目型类])为何(?:耶|乎|呢)?(?=${CLAUSE_END})`, 'gu'), '是什么'],
  // 乃 is 是 (乃哪两句, 鄙人乃襄阳一退休教员); 乃至 and 乃尔 are words of their own.
  [/(?<![木])乃(?![至尔])/g, '是'],
  // 否 ending a clause asks yes or no (亦建有调解体系否, 宜出门访友否); 是否, 与否, 可否, 能否, 然否 are Mandarin.
  [new RegExp(`(?<=\\p{Script=Han})(?<![是与可能然])否(?=${CLAUSE_END})`, 'gu'), '吗'],
  [new RegExp(`(?<=\\p{Script=Han})(?<![几似在])[耶焉乎哉](?=${CLAUSE_END})`, 'gu'), ''],
  // 在下 where a clause begins (在下退休前), not 在下半年 or 在下面; 吾 not in names (维吾尔, 伊吾, 支吾).
  [/鄙人|老朽|老夫|(?<=^|[\s\p{P}])在下(?![半面个一次午周月年列属辖游乡班边方述层级基])|(?<![支伊昆金])吾(?![尔])/gu, '我'],
];

export function classicalInMandarin(text: string): string {
  return readWith(IN_MANDARIN, text);
}
