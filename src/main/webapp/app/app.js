// The shell: login, role-aware navigation, language choice and the hash router. Each page is a
// module under pages/ exporting render(main, args); every rule stays on the server.

import * as api from './api.js';
import { t, translate, loadLanguage, chooseLanguage, currentLanguage } from './i18n.js';
import { h, fill, form, field, notice, showProblem } from './ui.js';
import { forget } from './refs.js';

const ANY = ['ARMOURER', 'INVESTIGATOR', 'AUDITOR', 'SUPERVISOR', 'ADMIN'];
const ROUTES = [
  { path: 'dashboard', roles: ANY },
  { path: 'firearms', roles: ANY },
  { path: 'armoury', roles: ['ARMOURER', 'SUPERVISOR', 'ADMIN', 'AUDITOR'] },
  { path: 'destruction', roles: ANY },
  { path: 'tracing', roles: ['INVESTIGATOR', 'SUPERVISOR', 'ADMIN', 'AUDITOR'] },
  { path: 'audit', roles: ['AUDITOR'] },
  { path: 'admin', roles: ['ADMIN'] },
];

const main = document.getElementById('main');
let endedBecause = null;

function parseHash() {
  const parts = location.hash.replace(/^#\/?/, '').split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  return { path: parts[0] || 'dashboard', args: parts.slice(1), params };
}

function renderChrome() {
  const s = api.session();
  const nav = document.getElementById('nav');
  const { path } = parseHash();
  fill(nav, s && !s.passwordChangeRequired ? h('ul', {}, ROUTES.filter((r) => api.hasRole(...r.roles)).map((r) =>
    h('li', {}, h('a', { href: `#/${r.path}`, 'aria-current': r.path === path ? 'page' : null }, t(`nav.${r.path}`))))) : '');
  document.getElementById('who').textContent = s ? `${s.username} (${s.roles.map((r) => t(`role.${r}`)).join(', ')})` : '';
  document.getElementById('logout').hidden = !s;
  document.getElementById('account').hidden = !s || s.passwordChangeRequired;
  document.getElementById('language').value = currentLanguage();
  translate(document);
}

function renderLogin() {
  document.title = `${t('login.title')} · Traza`;
  const message = endedBecause === 'expired' ? h('p', { class: 'notice', role: 'alert', id: 'session-ended' }, t('login.expired')) : null;
  fill(main, h('section', { class: 'card narrow' },
    h('h1', {}, t('login.title')),
    message,
    form([
      field({ name: 'username', label: t('login.username'), required: true, autocomplete: 'username', id: 'login-username' }),
      field({ name: 'password', label: t('login.password'), type: 'password', required: true, autocomplete: 'current-password', id: 'login-password' }),
    ], async (v) => {
      await api.login(v.username, v.password);
      endedBecause = null;
      route();
    }, { submit: t('login.submit'), id: 'login' })));
  main.querySelector('input')?.focus();
}

/**
 * The user's own password. Forced after an administrator's reset: then nothing else is reachable
 * until it is changed (the server refuses every other call with password-change-required).
 */
function renderPasswordChange(forced) {
  document.title = `${t('account.changePassword')} · Traza`;
  const status = h('div', { id: 'password-status' });
  fill(main, h('section', { class: 'card narrow' },
    h('h1', {}, t('account.changePassword')),
    forced ? h('p', { class: 'notice', role: 'alert', id: 'password-must-change' }, t('account.mustChange')) : null,
    form([
      field({ name: 'currentPassword', label: forced ? t('account.temporaryPassword') : t('account.currentPassword'), type: 'password', required: true, autocomplete: 'current-password', id: 'current-password' }),
      field({ name: 'newPassword', label: t('account.newPassword'), type: 'password', required: true, autocomplete: 'new-password', hint: t('account.newPasswordHint'), id: 'new-password' }),
      field({ name: 'repeatPassword', label: t('account.repeatPassword'), type: 'password', required: true, autocomplete: 'new-password', id: 'repeat-password' }),
    ], async (v) => {
      if (v.newPassword !== v.repeatPassword) {
        throw new api.ApiError(400, { title: t('account.mismatch'), violations: [{ field: 'repeatPassword', message: t('account.mismatch') }] });
      }
      await api.changePassword(v.currentPassword, v.newPassword);
      if (forced) { location.hash = '#/dashboard'; route(); return; }
      renderChrome();
      notice(status, t('account.changed'));
    }, { submit: t('account.changePassword'), id: 'change-password' }),
    status));
  main.querySelector('input')?.focus();
}

// The latest route(): one still loading when the hash changes again must not paint over it.
let latest = 0;

async function route() {
  const mine = ++latest;
  renderChrome();
  if (!api.session()) { renderLogin(); return; }
  if (api.session().passwordChangeRequired) { renderPasswordChange(true); return; }
  const { path, args, params } = parseHash();
  if (path === 'account') { renderPasswordChange(false); return; }
  const r = ROUTES.find((x) => x.path === path);
  if (!r) { location.hash = '#/dashboard'; return; }
  if (!api.hasRole(...r.roles)) {
    fill(main, h('section', { class: 'card' }, h('h1', {}, t(`nav.${r.path}`)), h('p', { class: 'problem', role: 'alert' }, t('problem.forbidden'))));
    return;
  }
  document.title = `${t(`nav.${r.path}`)} · Traza`;
  forget(); // reference data and places are read again on each page, never older than it
  fill(main, h('p', { class: 'muted' }, t('common.loading')));
  try {
    const page = await import(`./pages/${r.path}.js`);
    if (mine !== latest) return;
    // each route paints its own view; a later route detaches it, so a slow page paints nowhere
    const view = h('div', { class: 'view' });
    fill(main, view);
    await page.render(view, args, params);
  } catch (err) {
    if (!api.session() || mine !== latest) return;
    const where = h('div');
    fill(main, h('h1', {}, t(`nav.${r.path}`)), where);
    showProblem(where, err);
  }
  if (mine === latest) main.focus({ preventScroll: true });
}

api.onSessionEnd((reason) => { endedBecause = reason; route(); });
window.addEventListener('hashchange', route);
document.getElementById('logout').addEventListener('click', () => api.logout('logout'));
document.getElementById('language').addEventListener('change', async (e) => {
  await chooseLanguage(e.target.value);
  route();
});

await loadLanguage();
api.watchExpiry();
route();
