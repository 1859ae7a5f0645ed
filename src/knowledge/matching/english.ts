/**
 * Members back from study or work abroad mix English into their Chinese (新评上的省级基地每个award是多少,
 * 目前total建成了多少个). The words they use for what the knowledge reports are read in Chinese;
 * any other English (KPI, CSR, follow up) is left as it is, and asks nothing the knowledge has.
 */

/** English words, as members mix them in, and the Chinese the knowledge writes for them. */
const WORDS: Record<string, string> = {
  award: '奖励',
  awards: '奖励',
  bonus: '奖金',
  incentive: '奖励',
  incentives: '奖励',
  reward: '奖励',
  rewards: '奖励',
  base: '基地',
  bases: '基地',
  total: '总共',
  funding: '经费',
  budget: '经费',
  event: '活动',
  events: '活动',
  activity: '活动',
  activities: '活动',
  training: '培训',
  meeting: '会议',
  conference: '会议',
  forum: '论坛',
  speaker: '发言人',
  project: '项目',
  projects: '项目',
  program: '项目',
  programme: '项目',
  schedule: '安排',
  venue: '地点',
  location: '地点',
  address: '地点',
  studio: '工作室',
  platform: '平台',
  brand: '品牌',
  member: '成员',
  members: '成员',
  volunteer: '志愿者',
  volunteers: '志愿者',
  visitors: '参观人次',
};

/** An English word standing between non-letters (a Latin run of its own). */
const ENGLISH_WORD = /(?<![A-Za-z])[A-Za-z]+(?![A-Za-z])/g;

/** The question with the English words of WORDS read in Chinese, when it is written in Chinese. */
export function englishInChinese(text: string): string {
  if (!/[A-Za-z]{3}/.test(text) || !/\p{Script=Han}/u.test(text)) return text;
  return text.replace(ENGLISH_WORD, (word) => WORDS[word.toLowerCase()] ?? word);
}
