/*
 * starbook page script: theme toggle, keyboard shortcuts (/ search, j/k or ←/→ between questions)
 * and search (header box on every page, full page at search/index.html). Plain classic script so
 * the site also works from file://. Needs theme.js first. The search index is built only when
 * search is first used.
 */
(function () {
  'use strict';
  const doc = document, html = doc.documentElement;
  const root = html.getAttribute('data-root') || '';
  const esc = Starbook.escapeHtml;

  /* ---------- theme ---------- */
  const systemDark = () => !!window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches;
  const currentTheme = () => html.getAttribute('data-theme') || (systemDark() ? 'dark' : 'light');

  function setupTheme() {
    const button = doc.querySelector('.theme-toggle');
    if (!button) { return; }
    const show = () => {
      button.setAttribute('aria-pressed', currentTheme() === 'dark' ? 'true' : 'false');
    };
    button.hidden = false;
    show();
    button.addEventListener('click', () => {
      const next = currentTheme() === 'dark' ? 'light' : 'dark';
      html.setAttribute('data-theme', next);
      try { localStorage.setItem(Starbook.keys.theme, next); } catch (e) { /* not remembered */ }
      show();
    });
    if (window.matchMedia) {
      const mq = matchMedia('(prefers-color-scheme: dark)');
      if (mq.addEventListener) { mq.addEventListener('change', show); }
    }
  }

  /* ---------- search engine, loaded on first use ---------- */
  let enginePromise = null;

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const s = doc.createElement('script');
      s.src = root + 'assets/' + src;
      s.onload = resolve;
      s.onerror = () => reject(new Error('cannot load ' + src));
      doc.head.appendChild(s);
    });
  }

  function inPage() {
    return loadScript('lunr.js').then(() => loadScript('search-data.js'))
      .then(() => loadScript('search-engine.js'))
      .then(() => {
        const engine = StarbookSearch.create(self.STARBOOK_SEARCH, self.lunr);
        return { mode: 'page', search: (q, f, limit) => Promise.resolve(engine.search(q, f, limit)) };
      });
  }

  function inWorker() {
    return new Promise((resolve, reject) => {
      const worker = new Worker(root + 'assets/search-worker.js');
      const pending = {};
      let next = 1, ready = false;
      const search = (q, f, limit) => new Promise((res) => {
        const id = next++;
        pending[id] = res;
        worker.postMessage({ id: id, q: q, filters: f, limit: limit });
      });
      worker.onerror = (e) => {
        if (ready) { return; }
        if (e.preventDefault) { e.preventDefault(); }
        worker.terminate();
        reject(e);
      };
      worker.onmessage = (e) => {
        const m = e.data;
        if (m.ready) {
          ready = true;
          resolve({ mode: 'worker', search: search });
        } else if (pending[m.id]) {
          pending[m.id](m.answer);
          delete pending[m.id];
        }
      };
    });
  }

  function engine() {
    if (!enginePromise) {
      const useWorker = typeof Worker !== 'undefined' && location.protocol !== 'file:';
      enginePromise = (useWorker ? inWorker().catch(inPage) : inPage()).then((e) => {
        html.setAttribute('data-search', e.mode);
        return e;
      });
    }
    return enginePromise;
  }

  function metaHtml(r) {
    const parts = [esc(r.categoryTitle)];
    if (r.format === 'star') { parts.push('STAR'); }
    if (r.difficulty) { parts.push(esc(r.difficulty)); }
    let s = parts.join(' · ');
    if (r.section) { s += ' · in <span class="sr-section">' + esc(r.section) + '</span>'; }
    return s;
  }

  const questions = (n) => n + (n === 1 ? ' question' : ' questions');

  /* ---------- header box ---------- */
  function setupBox() {
    const form = doc.querySelector('form.search');
    if (!form) { return; }
    const fallback = doc.querySelector('.search-fallback');
    const input = form.querySelector('.search-input');
    const popup = form.querySelector('.search-popup');
    const list = form.querySelector('.search-list');
    const status = form.querySelector('.search-status');
    const all = form.querySelector('.search-all');
    let active = -1, items = [], seq = 0, timer = 0;
    form.hidden = false;
    if (fallback) { fallback.hidden = true; }

    function open(on) {
      popup.hidden = !on;
      input.setAttribute('aria-expanded', on ? 'true' : 'false');
    }

    function select(i) {
      const opts = list.querySelectorAll('[role=option]');
      active = i;
      opts.forEach((o, k) => o.setAttribute('aria-selected', k === i ? 'true' : 'false'));
      if (i >= 0 && opts[i]) {
        input.setAttribute('aria-activedescendant', opts[i].id);
        if (opts[i].scrollIntoView) { opts[i].scrollIntoView({ block: 'nearest' }); }
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function render(q, answer) {
      items = answer.results;
      list.innerHTML = items.map((r, i) => '<li role="option" id="search-option-' + i
        + '" class="search-option" aria-selected="false" data-href="' + esc(root + r.url)
        + '"><span class="sr-title">' + r.titleHtml + '</span><span class="sr-meta">' + metaHtml(r)
        + '</span><span class="sr-snippet">' + r.snippetHtml + '</span></li>').join('');
      status.textContent = answer.total === 0 ? 'No question matches “' + q + '”.'
        : questions(answer.total) + ' found'
          + (answer.total > items.length ? ', showing the best ' + items.length : '') + '.';
      all.href = root + 'search/index.html?q=' + encodeURIComponent(q);
      select(-1);
      open(true);
    }

    function run() {
      const q = input.value.trim();
      const mine = ++seq;
      if (!q) { list.innerHTML = ''; items = []; select(-1); open(false); return; }
      if (!html.hasAttribute('data-search')) {
        status.textContent = 'Loading search…';
        list.innerHTML = '';
        open(true);
      }
      engine().then((e) => e.search(q, {}, 8)).then((answer) => {
        if (mine === seq) { render(q, answer); }
      }, () => {
        status.textContent = 'Search could not load. Browse all questions A–Z instead.';
        all.href = root + 'all/index.html#az-title';
        open(true);
      });
    }

    function go(i) {
      const r = items[i];
      if (r) { location.href = root + r.url; }
    }

    input.addEventListener('focus', () => { engine(); if (input.value.trim()) { run(); } });
    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 60); });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (!items.length) { return; }
        e.preventDefault();
        const n = items.length;
        select(e.key === 'ArrowDown' ? (active + 1) % n : (active <= 0 ? n - 1 : active - 1));
      } else if (e.key === 'Enter') {
        if (active >= 0) { e.preventDefault(); go(active); }
      } else if (e.key === 'Escape') {
        e.preventDefault();
        if (input.value) { input.value = ''; run(); } else { open(false); input.blur(); }
      }
    });
    list.addEventListener('mousedown', (e) => e.preventDefault());
    list.addEventListener('click', (e) => {
      const li = e.target.closest('[role=option]');
      if (li) { go(Array.prototype.indexOf.call(list.children, li)); }
    });
    doc.addEventListener('click', (e) => { if (!form.contains(e.target)) { open(false); } });
  }

  /* ---------- full search page ---------- */
  function setupPage() {
    const form = doc.getElementById('search-page');
    if (!form) { return; }
    const input = doc.getElementById('q');
    const out = doc.querySelector('.search-page-results');
    const status = doc.querySelector('.search-page-status');
    const names = ['category', 'tag', 'difficulty', 'format'];
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') || '';
    names.forEach((n) => {
      const sel = form.elements[n], v = params.get(n);
      if (v && sel.querySelector('option[value="' + CSS.escape(v) + '"]')) { sel.value = v; }
    });
    let seq = 0, timer = 0;

    function state() {
      const f = {};
      names.forEach((n) => { if (form.elements[n].value) { f[n] = form.elements[n].value; } });
      return f;
    }

    function remember(q, f) {
      const p = new URLSearchParams();
      if (q) { p.set('q', q); }
      names.forEach((n) => { if (f[n]) { p.set(n, f[n]); } });
      const s = p.toString();
      try {
        history.replaceState(null, '', s ? '?' + s : location.pathname.split('/').pop());
      } catch (e) { /* file:// */ }
    }

    function show(answer) {
      status.textContent = answer.total === 0 ? 'No question matches.' : questions(answer.total) + '.';
      out.innerHTML = answer.results.map((r) => '<li class="search-result"><h2><a href="'
        + esc(root + r.url) + '">' + r.titleHtml + '</a></h2><p class="sr-meta">' + metaHtml(r)
        + '</p><p class="sr-snippet">' + r.snippetHtml + '</p></li>').join('');
    }

    function run() {
      const q = input.value.trim(), f = state(), mine = ++seq;
      remember(q, f);
      if (!q && !Object.keys(f).length) {
        out.innerHTML = '';
        status.textContent = 'Type a word or pick a filter.';
        return;
      }
      status.textContent = 'Searching…';
      engine().then((e) => e.search(q, f, 0)).then((answer) => {
        if (mine === seq) { show(answer); }
      }, () => { status.textContent = 'Search could not load.'; });
    }

    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 60); });
    form.addEventListener('change', run);
    form.addEventListener('submit', (e) => { e.preventDefault(); run(); });
    form.addEventListener('reset', () => { setTimeout(run, 0); });
    run();
  }

  /* ---------- keyboard ---------- */
  const typing = (t) => t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

  function setupKeys() {
    doc.addEventListener('keydown', (e) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) { return; }
      if (e.key === '/') {
        const box = doc.getElementById('q') || doc.getElementById('search-input');
        if (box && box.offsetParent !== null) { e.preventDefault(); box.focus(); box.select(); }
        return;
      }
      if (e.shiftKey) { return; }
      const rel = (e.key === 'j' || e.key === 'ArrowRight') ? 'next'
        : (e.key === 'k' || e.key === 'ArrowLeft') ? 'prev' : null;
      const link = rel && doc.querySelector('.pager a[rel=' + rel + ']');
      if (link) { e.preventDefault(); location.href = link.href; }
    });
  }

  function start() { setupTheme(); setupBox(); setupPage(); setupKeys(); }
  if (doc.readyState === 'loading') { doc.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
