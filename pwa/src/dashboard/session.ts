/** The signed-in person, kept for this browser tab only (sessionStorage): a shared office PC forgets it on close. */
import type { LoginAnswer, SignedInUser } from '../../../lib/api/public';

export type Role = SignedInUser['role'];
export type SessionUser = SignedInUser;
export type Session = LoginAnswer;

const key = 'nongsan-so.dashboard-session';

export function loadSession(now = Date.now()): Session | null {
  try {
    const s = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Session | null;
    if (!s?.token || !s.user) return null;
    if (s.expiresAt && Date.parse(s.expiresAt) <= now) {
      sessionStorage.removeItem(key);
      return null;
    }
    return s;
  } catch {
    return null;
  }
}

export function saveSession(s: Session) {
  sessionStorage.setItem(key, JSON.stringify(s));
}

export function clearSession() {
  sessionStorage.removeItem(key);
}
