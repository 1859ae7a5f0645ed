import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import QRCode from 'qrcode';
import { StatusService } from '../health/status.service';

/** Shows the WeChat login QR code while the bot waits for a scan. */
@Controller()
export class LoginController {
  constructor(@Inject(StatusService) private readonly status: StatusService) {}

  @Get('login')
  @ApiExcludeEndpoint()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Refresh', '5')
  async login(): Promise<string> {
    const bot = this.status.botStatus();
    const body = bot.qrcode
      ? `<p>请用要作为机器人的微信扫码登录:</p>${await QRCode.toString(bot.qrcode, { type: 'svg', width: 280 })}`
      : `<p>机器人状态: <b>${escapeHtml(bot.state)}</b>${bot.user ? `(${escapeHtml(bot.user)})` : ''}</p>`;
    return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>微信登录</title></head><body style="font-family:sans-serif;max-width:420px;margin:40px auto">${body}<p style="color:#888">本页每 5 秒刷新。</p></body></html>`;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
