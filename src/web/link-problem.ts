/** Why a web quiz link cannot be used: each has its own page and HTTP status. */
export type LinkReason = 'malformed' | 'altered' | 'expired' | 'unknown' | 'not-open' | 'closed' | 'not-audience' | 'no-attempt';

export class LinkProblem extends Error {
  constructor(readonly reason: LinkReason) {
    super(reason);
  }
}

export const LINK_PROBLEMS: Record<LinkReason, { status: number; title: string; advice: string }> = {
  malformed: { status: 404, title: '链接无效', advice: '这个答题链接不完整或无法识别。请回到微信，重新点击群公告中的链接，或私聊机器人发送「答题」获取您的个人链接。' },
  altered: { status: 403, title: '链接已被改动', advice: '这个答题链接被修改过，无法使用。请回到微信，重新点击原始链接，或私聊机器人发送「答题」获取新的个人链接。' },
  expired: { status: 410, title: '链接已过期', advice: '本轮答题已经结束，链接随之失效。发送「成绩」或「排行」可以查看结果，请留意下一轮答题通知。' },
  unknown: { status: 404, title: '找不到这轮答题', advice: '这个链接指向的答题不存在或不能在网页上作答。请私聊机器人发送「答题」了解正在进行的答题。' },
  'not-open': { status: 403, title: '答题尚未开始', advice: '本轮答题还没有开始，请在开始时间后再打开这个链接。' },
  closed: { status: 410, title: '答题已结束', advice: '本轮答题已经结束或已取消，不能再作答。发送「成绩」或「排行」可以查看结果。' },
  'not-audience': { status: 403, title: '不在本轮答题范围内', advice: '本轮答题面向指定单位，您所在的单位不在范围内。如有疑问请联系组织者。' },
  'no-attempt': { status: 404, title: '找不到这次作答', advice: '这次作答不存在或不属于这个链接。请刷新页面后重试。' },
};
