import type { Response } from 'express';
import { LINK_PROBLEMS, type LinkReason } from './link-problem';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function shell(title: string, page: string, main: string): string {
  return [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<title>${escape(title)}</title><link rel="stylesheet" href="/quiz/quiz.css"></head>`,
    `<body data-page="${page}"><main id="app">${main}</main>`,
    page === 'problem' ? '' : '<noscript>请在浏览器设置中开启 JavaScript 后再答题。</noscript><script src="/quiz/quiz.js" defer></script>',
    '</body></html>',
  ].join('');
}

/** The quiz page; its script reads the link from the address and fetches the paper. */
export function quizPage(title: string): string {
  return shell(title, 'quiz', '<p class="muted">正在加载题目……</p>');
}

export function groupPage(title: string): string {
  return shell(title, 'group', '<p class="muted">正在加载……</p>');
}

export function problemPage(reason: LinkReason): string {
  const problem = LINK_PROBLEMS[reason];
  return shell(problem.title, 'problem', `<section class="problem" data-problem="${reason}"><h1>${problem.title}</h1><p>${problem.advice}</p></section>`);
}

/** Headers of every web quiz answer: never cached, the link never leaks as a referrer, nothing but this site's files run. */
export function noStore(res: Response): Response {
  return res
    .set('Cache-Control', 'no-store')
    .set('Referrer-Policy', 'no-referrer')
    .set('X-Content-Type-Options', 'nosniff')
    .set('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
}
