// Labels from the server's resource bundles (GET /api/ui/messages/{language}) and locale
// formatting of dates, numbers and calibres. The language is the user's choice, else the browser's.

const CHOICE = 'traza.language';
const SUPPORTED = ['en', 'es', 'fr', 'pt'];
let messages = {};
let language = 'en';

function preferredLanguage() {
  const chosen = localStorage.getItem(CHOICE);
  if (chosen && SUPPORTED.includes(chosen)) return chosen;
  for (const tag of navigator.languages || [navigator.language || 'en']) {
    const base = tag.toLowerCase().split('-')[0];
    if (SUPPORTED.includes(base)) return base;
  }
  return 'en';
}

export async function loadLanguage(lang = preferredLanguage()) {
  const response = await fetch(`/api/ui/messages/${encodeURIComponent(lang)}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`labels not available (${response.status})`);
  const answer = await response.json();
  messages = answer.messages;
  language = answer.language;
  document.documentElement.lang = language;
  return language;
}

export function chooseLanguage(lang) {
  localStorage.setItem(CHOICE, lang);
  return loadLanguage(lang);
}

export const currentLanguage = () => language;

/** The label of a key, with {name} placeholders filled; the key itself when no bundle has it. */
export function t(key, params = {}) {
  const text = messages[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (params[name] ?? m));
}

/** The label of an enumerated value (a status, an action, a role), else the value as written. */
export function label(group, value) {
  if (value === null || value === undefined || value === '') return '';
  const key = `${group}.${value}`;
  return messages[key] ?? String(value).replaceAll('_', ' ').toLowerCase();
}

/** Translates the static parts of a page: data-i18n (text), data-i18n-label (aria-label). */
export function translate(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nLabel)); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
}

export const formatNumber = (n, options) => (n === null || n === undefined ? '' : new Intl.NumberFormat(language, options).format(n));

export function formatDateTime(value) {
  if (!value) return '';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

export function formatDate(value) {
  if (!value) return '';
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(d);
}

/** A day as a chart axis shows it: 29 nov. */
export const formatDay = (isoDay) =>
  new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${isoDay}T00:00:00Z`));

/** A month (2026-11) as people of the language write it: nov 2026. */
export const formatMonth = (yearMonth) =>
  new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${yearMonth}-01T00:00:00Z`));

/**
 * A calibre as people of the language write it: metric designations take the locale's decimal
 * sign and a multiplication sign (7.62x39mm is 7,62×39 mm in Spanish); inch calibres (.45 ACP,
 * .22 LR) keep their point, which is part of the name everywhere.
 */
export function formatCalibre(name) {
  if (!name) return '';
  return name.replace(/^(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(mm[A-Z]?)?/i, (m, a, b, unit) => {
    const n = (s) => formatNumber(Number(s), { maximumFractionDigits: 2 });
    return `${n(a)}×${n(b)}${unit ? ` ${unit}` : ''}`;
  });
}
