import { reactive } from 'vue';

export type Role = 'organiser' | 'statistician';

const TOKEN = 'adminConsoleToken';
const ROLE = 'adminConsoleRole';
const ZONE = 'adminConsoleTimeZone';

/** Who is signed in, for this browser tab only (session storage ends with the tab). */
export const session = reactive({
  token: sessionStorage.getItem(TOKEN) ?? '',
  role: (sessionStorage.getItem(ROLE) as Role | null) ?? null,
  timeZone: sessionStorage.getItem(ZONE) ?? 'Asia/Shanghai',
});

export const isOrganiser = () => session.role === 'organiser';

export function remember(token: string, role: Role, timeZone: string): void {
  Object.assign(session, { token, role, timeZone });
  sessionStorage.setItem(TOKEN, token);
  sessionStorage.setItem(ROLE, role);
  sessionStorage.setItem(ZONE, timeZone);
}

export function forget(): void {
  Object.assign(session, { token: '', role: null });
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(ROLE);
}
