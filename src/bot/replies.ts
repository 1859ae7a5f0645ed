/** The bot's fixed wording, in one place. */
export function helpText(botName: string): string {
  return [
    `您好，我是${botName}。我可以：`,
    '1. 回答统战工作相关问题：直接发送问题（群里请先 @我）',
    '2. 答题：发送「答题」开始（网页答题的轮次会发来您的专属链接），「聊天答题」逐题作答，「答题卡」一次答完，「继续答题」接着答',
    '3. 发送「成绩」查看我的成绩，「排行」查看排行榜',
    '4. 发送「绑定 单位全称」绑定所在单位，「单位列表」查看可以绑定的单位，「解绑」解除绑定',
  ].join('\n');
}

export const NON_TEXT_REPLY = '抱歉，我目前只能看懂文字消息。请直接用文字提问，或发送「帮助」查看我能做什么。';
export const FLOOD_NOTICE = '您发送得太快了，请稍等一分钟再发，我会继续为您服务。';
export const ADMIN_ONLY = '此命令仅限管理员使用。';
export const UNSURE_PREFIX = '您是想问：';
export const UNSURE_SUFFIX = '请回复序号查看答案。';

export function notFoundText(): string {
  return '抱歉，这个问题我暂时还答不上来，已记录下来请工作人员补充。\n您可以换个说法再问，或发送「帮助」查看我能做什么。';
}

export function suggestionText(questions: string[]): string {
  return [UNSURE_PREFIX, ...questions.map((q, i) => `${i + 1}. ${q}`), UNSURE_SUFFIX].join('\n');
}

export function rosterPlacedText(unit: string | null): string {
  return `您的单位${unit ? `「${unit}」` : ''}由组织者按名册登记，不能自行更改。如有变动，请联系组织者修改名册。`;
}

export const QUIZ_IN_PRIVATE_ONLY = '答题请私聊我：点我的头像发消息，发送「答题」即可开始（在群里答题会让其他人看到答案）。';

/** Names shown by 单位列表; beyond this many the list says how many more there are. */
const UNITS_LISTED = 40;

export function unitListText(units: string[]): string {
  if (!units.length) return '还没有登记任何单位，请联系组织者添加。';
  const shown = units.slice(0, UNITS_LISTED);
  const more = units.length > shown.length ? `\n……共 ${units.length} 个单位，未全部列出，请发送「绑定 单位全称」。` : '';
  return ['可以绑定的单位：', ...shown.map((name) => `· ${name}`)].join('\n') + more + '\n发送「绑定 单位全称」即可绑定。';
}
