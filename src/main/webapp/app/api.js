// The one way the pages talk to the server: the same REST API and bearer token as every other
// client. A problem+json answer becomes an ApiError carrying the problem; a 401 ends the session.

const TOKEN = 'traza.token';
const SESSION = 'traza.session';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

let expiryTimer = null;
const listeners = new Set();

/** Called with a reason ('expired', 'logout') whenever the session ends. */
export function onSessionEnd(listener) { listeners.add(listener); }

export function session() {
  const s = sessionStorage.getItem(SESSION);
  return s && sessionStorage.getItem(TOKEN) ? JSON.parse(s) : null;
}

export function hasRole(...roles) {
  const s = session();
  return !!s && roles.some((r) => s.roles.includes(r));
}

function keep(answer) {
  sessionStorage.setItem(TOKEN, answer.token);
  sessionStorage.setItem(SESSION, JSON.stringify({
    username: answer.username, roles: answer.roles, expiresAt: answer.expiresAt, passwordChangeRequired: !!answer.passwordChangeRequired,
  }));
  watchExpiry();
  return session();
}

export async function login(username, password) {
  return keep(await request('/api/auth/login', { method: 'POST', body: { username, password }, anonymous: true }));
}

/** Changes the user's own password; every other session ends and this one goes on with a new token. */
export async function changePassword(currentPassword, newPassword) {
  return keep(await request('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } }));
}

/**
 * Ends the session. A logout by the user also revokes the token on the server (best effort: the
 * session ends here whatever the server answers); an expired or refused token needs no revoking.
 */
export async function logout(reason = 'logout') {
  const token = sessionStorage.getItem(TOKEN);
  if (reason === 'logout' && token) {
    try {
      await fetch('/api/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    } catch (e) { /* offline: the token still expires on its own */ }
  }
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(SESSION);
  clearTimeout(expiryTimer);
  listeners.forEach((l) => l(reason));
}

/** Ends the session when the token expires, even if the page is idle. */
export function watchExpiry() {
  clearTimeout(expiryTimer);
  const s = session();
  if (!s) return;
  const left = new Date(s.expiresAt).getTime() - Date.now();
  if (left <= 0) { logout('expired'); return; }
  expiryTimer = setTimeout(() => logout('expired'), Math.min(left, 2 ** 31 - 1));
}

/**
 * Sends a request; answers the parsed JSON, the text, or the Blob (accept other than JSON).
 * body: an object (sent as JSON), a Blob or File (sent with its own type), or a string.
 */
export async function request(path, { method = 'GET', body, accept = 'application/json', headers = {}, anonymous = false } = {}) {
  const h = { Accept: `${accept}, application/problem+json`, ...headers };
  const token = sessionStorage.getItem(TOKEN);
  if (token && !anonymous) h.Authorization = `Bearer ${token}`;
  let payload = body;
  if (body instanceof Blob) {
    h['Content-Type'] = body.type || 'application/octet-stream';
  } else if (body !== undefined && typeof body !== 'string') {
    h['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  } else if (typeof body === 'string') {
    h['Content-Type'] = h['Content-Type'] || 'application/json';
  }
  let response;
  try {
    response = await fetch(path, { method, headers: h, body: payload });
  } catch (e) {
    throw new ApiError(0, { title: 'offline', detail: e.message, type: '/problems/offline' });
  }
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    const problem = type.includes('json')
      ? await response.json().catch(() => ({}))
      : { title: response.statusText, status: response.status };
    if (response.status === 401 && !anonymous && token) logout('expired');
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return null;
  if (accept.includes('json') && type.includes('json')) return response.json();
  if (type.startsWith('text/') || type.includes('svg')) return response.text();
  return response.blob();
}

export const get = (path, options) => request(path, options);
export const post = (path, body, options = {}) => request(path, { ...options, method: 'POST', body: body ?? {} });
export const put = (path, body, options = {}) => request(path, { ...options, method: 'PUT', body });

/** A query string from the non-empty values of an object. */
export function query(params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') q.set(k, v); });
  const s = q.toString();
  return s ? `?${s}` : '';
}
