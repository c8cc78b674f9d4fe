/*
 * starbook's first script, loaded in <head> on every page (and imported by the search worker):
 * 1. self.Starbook, the helpers the other scripts share: the one HTML escape and the one list of
 *    localStorage keys;
 * 2. the remembered theme, applied before the page paints (no flash).
 * Plain classic script so the site also works from file://.
 */
(function (global) {
  'use strict';

  /** Text made safe inside HTML text and double-quoted attributes. */
  const escapeHtml = (s) => String(s)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

  /** Every localStorage key the theme uses. */
  const keys = Object.freeze({
    /** The reader's light/dark choice: 'light' or 'dark'. */
    theme: 'starbook-theme',
    /**
     * Study progress (cards, mock answers, settings), one entry per site: 'starbook:' + the site's
     * base path, which the templates write into the data-store attribute of the study element.
     */
    study: (element) => element.getAttribute('data-store')
  });

  global.Starbook = Object.freeze({ escapeHtml: escapeHtml, keys: keys });

  if (typeof document === 'undefined') { return; } // in the search worker: helpers only
  try {
    const t = localStorage.getItem(keys.theme);
    if (t === 'light' || t === 'dark') { document.documentElement.setAttribute('data-theme', t); }
  } catch (e) { /* storage blocked: follow the system */ }
})(self);
