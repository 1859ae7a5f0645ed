import { createRouter, createWebHashHistory } from 'vue-router';
import { whenSignedOut } from './api';
import { session } from './session';

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/signin', component: () => import('./views/SignIn.vue'), meta: { title: '登录' } },
    { path: '/', component: () => import('./views/Overview.vue'), meta: { title: '概览' } },
    { path: '/units', component: () => import('./views/Units.vue'), meta: { title: '单位与成员' } },
    { path: '/banks', component: () => import('./views/Banks.vue'), meta: { title: '题库' } },
    { path: '/rounds', component: () => import('./views/Rounds.vue'), meta: { title: '答题活动' } },
    { path: '/stats/:id?', component: () => import('./views/Stats.vue'), meta: { title: '统计' } },
    { path: '/knowledge', component: () => import('./views/Knowledge.vue'), meta: { title: '知识库' } },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

router.beforeEach((to) => {
  if (to.path !== '/signin' && !session.token) return { path: '/signin', query: to.fullPath !== '/' ? { next: to.fullPath } : {} };
  return true;
});

router.afterEach((to) => {
  document.title = `${(to.meta.title as string) ?? ''} · 统战助手管理后台`;
});

whenSignedOut(() => void router.push({ path: '/signin', query: { expired: '1' } }));
