import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Session token = `<id>.<HMAC-SHA256(secret, id)>`: a forged or altered token fails before any SQL. */
export function newSessionToken(secret: Buffer): { id: string; token: string } {
  const id = randomBytes(24).toString('base64url');
  return { id, token: `${id}.${sign(secret, id)}` };
}

export function verifySessionToken(secret: Buffer, token: string | undefined | null): string | null {
  if (!token || token.length > 200) return null;
  const dot = token.indexOf('.');
  if (dot <= 0) return null;
  const id = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(sign(secret, id));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

function sign(secret: Buffer, id: string): string {
  return createHmac('sha256', secret).update(id).digest('base64url');
}

export const SESSION_COOKIE = 'ld_session';
/** Sessions last a working day. */
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

/** Reads the token from `Authorization: Bearer …` (API clients) or the session cookie (dashboard). */
export function tokenFromRequest(headers: { authorization?: string; cookie?: string }): string | null {
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const cookie = headers.cookie;
  if (!cookie) return null;
  for (const part of cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE) return decodeURIComponent(v.join('='));
  }
  return null;
}
