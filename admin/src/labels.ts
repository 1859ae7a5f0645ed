/** The words the pages show for the API's codes. */
export const ROUND_STATUS: Record<string, { text: string; type: 'info' | 'success' | 'warning' | 'danger' | 'primary' }> = {
  scheduled: { text: '未开始', type: 'primary' },
  open: { text: '进行中', type: 'success' },
  closed: { text: '已结束', type: 'info' },
  cancelled: { text: '已取消', type: 'danger' },
};

export const BOT_STATE: Record<string, string> = {
  'logged-in': '已登录',
  'waiting-for-scan': '等待扫码登录',
  'logged-out': '未登录',
  reconnecting: '正在重连',
  starting: '正在启动',
  disabled: '未启用',
  stopped: '已停止',
};

/** What each state means for the organiser (the API's own detail is for the logs). */
export const BOT_STATE_HINT: Record<string, string> = {
  'logged-in': '机器人在线，正常收发消息，',
  'waiting-for-scan': '等待扫码登录，',
  'logged-out': '已连上微信服务，等待账号登录，',
  reconnecting: '与微信的连接中断，正在自动重连，',
  starting: '正在连接微信服务，',
  disabled: '未启用机器人（BOT_ENABLED），',
  stopped: '服务正在停止，',
};

export const QUESTION_TYPES: Record<string, string> = { single: '单选', multiple: '多选', truefalse: '判断', fill: '填空' };

export const SCORE_RULES: Record<string, string> = { best: '取最高分', last: '取最后一次' };

export const CHANNELS: Record<string, string> = { chat: '私聊逐题', sheet: '答题卡', web: '网页答题' };

export const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);
