import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import QRCode from 'qrcode';
import { Public, RequireAccess } from '../auth/auth.guard';
import { StatusService } from '../health/status.service';

/**
 * The WeChat login QR code: whoever scans it first becomes the bot, so it goes to organisers
 * only. The page is a shell that asks for the organiser token and fetches the code with it.
 */
@ApiTags('bot')
@Controller()
export class LoginController {
  constructor(@Inject(StatusService) private readonly status: StatusService) {}

  @Get('api/bot/login')
  @RequireAccess('write')
  @ApiOperation({ summary: 'The bot state and, while it waits for a scan, the login QR code as SVG (organisers only)' })
  async qrcode() {
    const { qrcode, ...bot } = this.status.botStatus();
    return { ...bot, qrSvg: qrcode ? await QRCode.toString(qrcode, { type: 'svg', width: 280 }) : null };
  }

  @Get('login')
  @Public()
  @ApiExcludeEndpoint()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  page(): string {
    return LOGIN_PAGE;
  }
}

const LOGIN_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>机器人微信登录</title>
<style>body{font-family:sans-serif;max-width:420px;margin:40px auto;padding:0 16px}input,button{font-size:16px;padding:6px}
input{width:100%;box-sizing:border-box;margin:8px 0}.muted{color:#888}.error{color:#c00}</style></head><body>
<h2>机器人微信登录</h2>
<form id="signin"><label>组织者令牌（ADMIN_TOKEN）：<input id="token" type="password" autocomplete="current-password"></label>
<button type="submit">查看登录二维码</button></form>
<div id="state"></div><div id="qr"></div><p class="muted">登录二维码仅对组织者显示，本页每 5 秒刷新状态。</p>
<script>
const STATES = { 'logged-in': '已登录', 'waiting-for-scan': '等待扫码', 'logged-out': '未登录', reconnecting: '正在重连',
  starting: '正在启动', disabled: '未启用', stopped: '已停止' };
const stateEl = document.getElementById('state'), qrEl = document.getElementById('qr');
async function refresh() {
  const token = sessionStorage.getItem('adminToken');
  if (!token) return;
  const res = await fetch('/api/bot/login', { headers: { Authorization: 'Bearer ' + token } });
  if (res.status === 401 || res.status === 403) {
    sessionStorage.removeItem('adminToken');
    stateEl.innerHTML = '<p class="error">令牌不正确，请重新输入组织者令牌。</p>';
    qrEl.textContent = '';
    return;
  }
  const bot = await res.json();
  stateEl.textContent = '机器人状态：' + (STATES[bot.state] || bot.state) + (bot.user ? '（' + bot.user + '）' : '');
  qrEl.innerHTML = bot.qrSvg ? '<p>请用要作为机器人的微信扫码登录：</p>' + bot.qrSvg : '';
}
document.getElementById('signin').addEventListener('submit', (e) => {
  e.preventDefault();
  sessionStorage.setItem('adminToken', document.getElementById('token').value.trim());
  refresh();
});
refresh();
setInterval(refresh, 5000);
</script></body></html>`;
