// Reference data (makes, calibres, firearm types, locations, holders), read at most once per page
// view (the router forgets them on every page change).

import { get } from './api.js';
import { formatCalibre } from './i18n.js';

const cache = new Map();
const once = (path) => {
  if (!cache.has(path)) cache.set(path, get(path).catch((e) => { cache.delete(path); throw e; }));
  return cache.get(path);
};

export const makes = () => once('/api/makes');
export const calibres = () => once('/api/calibres');
export const types = () => once('/api/firearm-types');
export const locations = () => once('/api/locations');
export const holders = () => once('/api/holders');
export const forget = (path) => (path ? cache.delete(path) : cache.clear());

/** Options [[value, text]] for a select, with an empty first choice. */
export const options = (entries, text = (e) => `${e.name} (${e.code})`, value = (e) => e.code, empty = '') =>
  [['', empty], ...entries.map((e) => [value(e), text(e)])];

export const calibreText = (e) => `${formatCalibre(e.name)} (${e.code})`;
export const locationText = (l) => `${l.code} · ${l.name}`;
