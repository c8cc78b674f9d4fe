/*
 * starbook page script: theme toggle, keyboard shortcuts (/ search, j/k or ←/→ between questions),
 * search (header box on every page, full page at search/index.html), the header's menu on phones,
 * and offline reading: over http(s) it registers the service worker (sw.js at the site root, see
 * assets/offline-worker.js), offers "Make available offline" for a large guide, and asks the
 * browser to keep the site's storage once study progress is recorded (Starbook.persistence()).
 * Plain classic script so the site also works from file://, where it registers nothing. Needs
 * theme.js first. The search index is loaded only when search is first used, a query's files at a
 * time.
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
      s.onload = () => { s.remove(); resolve(); };
      s.onerror = () => { s.remove(); reject(new Error('cannot load ' + src)); };
      doc.head.appendChild(s);
    });
  }

  function inPage() {
    return loadScript('search-engine.js').then(() => loadScript('search/index.js')).then(() => {
      const meta = self.STARBOOK_SEARCH;
      return meta.stemmer ? loadScript('search/stemmer.js').then(() => meta) : meta;
    }).then((meta) => {
      const load = (files) => Promise.all(files.map((f) => loadScript('search/' + f)));
      const stem = self.StarbookStemmer ? self.StarbookStemmer.stem : null;
      const engine = StarbookSearch.create(meta, load, stem);
      return { mode: 'page', search: engine.search };
    });
  }

  function inWorker() {
    return new Promise((resolve, reject) => {
      const worker = new Worker(root + 'assets/search-worker.js');
      const pending = {};
      let next = 1, ready = false;
      const search = (q, f, limit, offset) => new Promise((res, rej) => {
        const id = next++;
        pending[id] = { res: res, rej: rej };
        worker.postMessage({ id: id, q: q, filters: f, limit: limit, offset: offset });
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
          if (m.error) { pending[m.id].rej(new Error(m.error)); } else { pending[m.id].res(m.answer); }
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
    // A theme whose search.peb predates the button still works: it just shows the first 50.
    const more = doc.querySelector('.search-more') || doc.createElement('button');
    const PAGE = 50; // results per "Show more"
    let seq = 0, timer = 0, shownCount = 0;

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

    function item(r) {
      return '<li class="search-result"><h2><a href="' + esc(root + r.url) + '">' + r.titleHtml
        + '</a></h2><p class="sr-meta">' + metaHtml(r) + '</p><p class="sr-snippet">' + r.snippetHtml
        + '</p></li>';
    }

    /** Shows a page of results; more are fetched a page at a time ("Show more"). */
    function show(answer, append) {
      shownCount = (append ? shownCount : 0) + answer.results.length;
      status.textContent = answer.total === 0 ? 'No question matches.'
        : questions(answer.total) + (answer.total > shownCount ? ', showing ' + shownCount : '') + '.';
      const html = answer.results.map(item).join('');
      if (append) { out.insertAdjacentHTML('beforeend', html); } else { out.innerHTML = html; }
      more.hidden = answer.total <= shownCount;
    }

    function run() {
      const q = input.value.trim(), f = state(), mine = ++seq;
      remember(q, f);
      more.hidden = true;
      if (!q && !Object.keys(f).length) {
        out.innerHTML = '';
        status.textContent = 'Type a word or pick a filter.';
        return;
      }
      status.textContent = 'Searching…';
      engine().then((e) => e.search(q, f, PAGE, 0)).then((answer) => {
        if (mine === seq) { show(answer, false); }
      }, () => { status.textContent = 'Search could not load.'; });
    }

    more.addEventListener('click', () => {
      const q = input.value.trim(), f = state(), mine = seq;
      engine().then((e) => e.search(q, f, PAGE, shownCount)).then((answer) => {
        if (mine === seq) { show(answer, true); }
      });
    });
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

  /* ---------- header menu (a <details>: opens without JavaScript too) ---------- */
  function setupMenu() {
    const menu = doc.querySelector('details.site-menu');
    if (!menu) { return; }
    const summary = menu.querySelector('summary');
    // Browsers without ::details-content cannot show a closed menu's links on wide screens by CSS
    // alone: open it there (style.css hides the summary then), close it on phones.
    const styled = window.CSS && CSS.supports && CSS.supports('selector(::details-content)');
    if (!styled && window.matchMedia) {
      const wide = matchMedia('(min-width: 481px)');
      const sync = () => {
        menu.open = wide.matches;
        menu.toggleAttribute('data-wide', wide.matches);
      };
      sync();
      if (wide.addEventListener) { wide.addEventListener('change', sync); }
    }
    // On phones the open menu lies over the page: Escape or a tap beside it closes it.
    const folding = () => menu.open && summary.offsetParent !== null;
    menu.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && folding()) {
        menu.open = false;
        summary.focus();
      }
    });
    doc.addEventListener('click', (e) => {
      if (folding() && !menu.contains(e.target)) { menu.open = false; }
    });
  }

  /* ---------- study progress kept: persistent storage ---------- */
  const web = location.protocol === 'http:' || location.protocol === 'https:';
  const storage = web && navigator.storage && navigator.storage.persist ? navigator.storage : null;
  let persistAsked = null;

  /** Asks the browser (once per page) not to clear the site's storage when space runs low. */
  function persist() {
    if (!storage) { return Promise.resolve(false); }
    if (!persistAsked) {
      persistAsked = storage.persisted().then((p) => p || storage.persist()).catch(() => false);
    }
    return persistAsked;
  }

  function permission() {
    const p = navigator.permissions;
    if (!p || !p.query) { return Promise.resolve('prompt'); }
    return p.query({ name: 'persistent-storage' }).then((s) => s.state, () => 'prompt');
  }

  /**
   * Whether the browser keeps the reader's progress when it runs short of space, for the Progress
   * tab (which reminds readers to export when it is not kept): a promise of 'persisted',
   * 'refused' (asked and declined, or denied by the reader), 'not-asked' (no progress recorded
   * yet) or 'unsupported' (from file://, or a browser without the Storage API).
   */
  function persistence() {
    if (!storage) { return Promise.resolve('unsupported'); }
    return storage.persisted().then((p) => {
      if (p) { return 'persisted'; }
      if (persistAsked) { return persistAsked.then((ok) => (ok ? 'persisted' : 'refused')); }
      return permission().then((state) => (state === 'denied' ? 'refused' : 'not-asked'));
    }, () => 'unsupported');
  }

  /**
   * Asks for persistent storage when the reader first records study progress: on the page where it
   * happens (checked after each click, key or change, and on a 'starbook:progress' event, until
   * the first card or mock answer is stored), and on the study page when progress exists. Reads
   * the progress through Starbook.keys.study; study*.js need not know.
   */
  function watchProgress() {
    const holder = doc.querySelector('[data-store]');
    if (!holder || !storage) { return; }
    const key = Starbook.keys.study(holder);
    const recorded = () => {
      try {
        const d = JSON.parse(localStorage.getItem(key) || 'null');
        return !!d && ((!!d.cards && Object.keys(d.cards).length > 0)
          || (Array.isArray(d.mocks) && d.mocks.length > 0));
      } catch (e) {
        return false;
      }
    };
    if (recorded()) {
      if (holder.id === 'study') { persist(); }
      return;
    }
    const events = ['click', 'keyup', 'change', 'starbook:progress'];
    let timer = 0;
    const check = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!recorded()) { return; }
        events.forEach((t) => doc.removeEventListener(t, check, true));
        persist();
      }, 0);
    };
    events.forEach((t) => doc.addEventListener(t, check, true));
  }

  /* ---------- offline reading: the service worker (http(s) only) ---------- */
  const workers = web && 'serviceWorker' in navigator ? navigator.serviceWorker : null;
  const siteRoot = () => new URL(root || './', location.href).href;

  /** Sends the worker a message; resolves with its status, reporting progress on the way. */
  function talk(worker, type, progress) {
    return new Promise((resolve, reject) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (e) => {
        const m = e.data;
        if (m.status) { resolve(m.status); } else if (m.error) { reject(new Error(m.error)); }
        else if (progress) { progress(m.done, m.all); }
      };
      worker.postMessage({ type: type }, [channel.port2]);
    });
  }

  /**
   * How much of the guide is saved for offline reading: a promise of the worker's status
   * ({version, bytes, auto, files, saved, complete, asked}), or of null where there is no worker
   * (file://, starbook serve, a browser without service workers).
   */
  function offline() {
    if (!workers || serving()) { return Promise.resolve(null); }
    return workers.getRegistration(siteRoot()).then((reg) => (reg && reg.active
      ? talk(reg.active, 'status') : null)).catch(() => null);
  }

  /** starbook serve's pages carry its live-reload script: no worker there (it would cache them). */
  const serving = () => !!doc.querySelector('script[src$="__starbook/live.js"]');

  function forgetWorker() {
    workers.getRegistration(siteRoot()).then((reg) => {
      if (!reg || reg.scope !== siteRoot()) { return; }
      reg.unregister();
      const prefix = 'starbook:' + new URL(reg.scope).pathname + ':';
      return caches.keys().then((keys) => Promise.all(keys
        .filter((k) => k.startsWith(prefix)).map((k) => caches.delete(k))));
    }).catch(() => { /* nothing registered */ });
  }

  function setupOffline() {
    // The 404 page may be served at any depth, where its root may not be the site's.
    if (!workers || doc.body.classList.contains('kind-404')) { return; }
    if (serving()) { forgetWorker(); return; }
    workers.register(root + 'sw.js').then(() => workers.ready).then(offer, () => {
      /* no offline copy: the site works as before, online */
    });
  }

  const megabytes = (bytes) => Math.max(1, Math.round(bytes / 1e6));

  /** A large guide is not saved whole unasked: the footer offers it. */
  function offer(reg) {
    const footer = doc.querySelector('.site-footer');
    if (!footer || !reg.active) { return; }
    talk(reg.active, 'status').then((s) => {
      if (s.auto) { return; }
      const p = doc.createElement('p');
      p.className = 'offline-offer';
      const note = doc.createElement('span');
      note.setAttribute('role', 'status');
      if (s.complete) {
        note.textContent = 'Available offline.';
        p.appendChild(note);
        footer.appendChild(p);
        return;
      }
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'offline-save';
      button.textContent = 'Make available offline (' + megabytes(s.bytes) + ' MB)';
      p.appendChild(button);
      p.appendChild(doc.createTextNode(' '));
      p.appendChild(note);
      footer.appendChild(p);
      button.addEventListener('click', () => {
        button.disabled = true;
        persist();
        note.textContent = 'Saving for offline reading…';
        talk(reg.active, 'save', (done, all) => {
          note.textContent = 'Saving for offline reading… ' + Math.floor(100 * done / all) + ' %';
        }).then(() => {
          button.remove();
          note.textContent = 'Available offline.';
        }, () => {
          button.disabled = false;
          note.textContent = 'Could not save every page (offline?). Try again later.';
        });
      });
    }).catch(() => { /* the worker is being replaced: offered on the next page */ });
  }

  // Shared with study mode: the Progress tab asks Starbook.persistence() (theme.js made Starbook;
  // it is made again here with these two added, still frozen).
  self.Starbook = Object.freeze(Object.assign({}, Starbook, {
    persistence: persistence, offline: offline
  }));

  function start() {
    setupTheme(); setupBox(); setupPage(); setupKeys(); setupMenu();
    watchProgress(); setupOffline();
  }
  if (doc.readyState === 'loading') { doc.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
