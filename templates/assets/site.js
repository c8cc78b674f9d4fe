/*
 * starbook page script: theme toggle, keyboard shortcuts (/ search, j/k or ←/→ between questions)
 * and search (header box on every page, full page at search/index.html). Plain classic script so
 * the site also works from file://. The search index is built only when search is first used.
 */
(function () {
  'use strict';
  var doc = document, html = doc.documentElement;
  var root = html.getAttribute('data-root') || '';
  var KEY = 'starbook-theme';

  /* ---------- theme ---------- */
  function systemDark() { return window.matchMedia && matchMedia('(prefers-color-scheme: dark)').matches; }
  function currentTheme() { return html.getAttribute('data-theme') || (systemDark() ? 'dark' : 'light'); }
  function setupTheme() {
    var button = doc.querySelector('.theme-toggle');
    if (!button) return;
    function show() {
      var dark = currentTheme() === 'dark';
      button.setAttribute('aria-pressed', dark ? 'true' : 'false');
    }
    button.hidden = false;
    show();
    button.addEventListener('click', function () {
      var next = currentTheme() === 'dark' ? 'light' : 'dark';
      html.setAttribute('data-theme', next);
      try { localStorage.setItem(KEY, next); } catch (e) { /* not remembered */ }
      show();
    });
    if (window.matchMedia) {
      var mq = matchMedia('(prefers-color-scheme: dark)');
      if (mq.addEventListener) mq.addEventListener('change', show);
    }
  }

  /* ---------- search engine, loaded on first use ---------- */
  var enginePromise = null;
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = doc.createElement('script');
      s.src = root + 'assets/' + src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('cannot load ' + src)); };
      doc.head.appendChild(s);
    });
  }
  function inPage() {
    return loadScript('lunr.js').then(function () { return loadScript('search-data.js'); })
      .then(function () { return loadScript('search-engine.js'); })
      .then(function () {
        var engine = StarbookSearch.create(self.STARBOOK_SEARCH, self.lunr);
        return { mode: 'page', search: function (q, f, limit) { return Promise.resolve(engine.search(q, f, limit)); } };
      });
  }
  function inWorker() {
    return new Promise(function (resolve, reject) {
      var worker = new Worker(root + 'assets/search-worker.js');
      var pending = {}, next = 1, ready = false;
      worker.onerror = function (e) { if (!ready) { e.preventDefault && e.preventDefault(); worker.terminate(); reject(e); } };
      worker.onmessage = function (e) {
        var m = e.data;
        if (m.ready) {
          ready = true;
          resolve({ mode: 'worker', search: function (q, f, limit) {
            return new Promise(function (res) {
              var id = next++;
              pending[id] = res;
              worker.postMessage({ id: id, q: q, filters: f, limit: limit });
            });
          } });
        } else if (pending[m.id]) {
          pending[m.id](m.answer);
          delete pending[m.id];
        }
      };
    });
  }
  function engine() {
    if (!enginePromise) {
      var useWorker = typeof Worker !== 'undefined' && location.protocol !== 'file:';
      enginePromise = (useWorker ? inWorker().catch(inPage) : inPage()).then(function (e) {
        html.setAttribute('data-search', e.mode);
        return e;
      });
    }
    return enginePromise;
  }

  function esc(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
  function metaHtml(r) {
    var parts = [esc(r.categoryTitle)];
    if (r.format === 'star') parts.push('STAR');
    if (r.difficulty) parts.push(esc(r.difficulty));
    var s = parts.join(' · ');
    if (r.section) s += ' · in <span class="sr-section">' + esc(r.section) + '</span>';
    return s;
  }

  /* ---------- header box ---------- */
  function setupBox() {
    var form = doc.querySelector('form.search');
    if (!form) return;
    var fallback = doc.querySelector('.search-fallback');
    var input = form.querySelector('.search-input');
    var popup = form.querySelector('.search-popup');
    var list = form.querySelector('.search-list');
    var status = form.querySelector('.search-status');
    var all = form.querySelector('.search-all');
    var active = -1, items = [], seq = 0, timer = 0;
    form.hidden = false;
    if (fallback) fallback.hidden = true;

    function open(on) {
      popup.hidden = !on;
      input.setAttribute('aria-expanded', on ? 'true' : 'false');
    }
    function select(i) {
      var opts = list.querySelectorAll('[role=option]');
      active = i;
      for (var k = 0; k < opts.length; k++) opts[k].setAttribute('aria-selected', k === i ? 'true' : 'false');
      if (i >= 0 && opts[i]) {
        input.setAttribute('aria-activedescendant', opts[i].id);
        if (opts[i].scrollIntoView) opts[i].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }
    function render(q, answer) {
      items = answer.results;
      list.innerHTML = items.map(function (r, i) {
        return '<li role="option" id="search-option-' + i + '" class="search-option" aria-selected="false" data-href="' +
          esc(root + r.url) + '"><span class="sr-title">' + r.titleHtml + '</span><span class="sr-meta">' +
          metaHtml(r) + '</span><span class="sr-snippet">' + r.snippetHtml + '</span></li>';
      }).join('');
      status.textContent = answer.total === 0 ? 'No question matches “' + q + '”.'
        : answer.total + (answer.total === 1 ? ' question' : ' questions') + ' found' +
          (answer.total > items.length ? ', showing the best ' + items.length : '') + '.';
      all.href = root + 'search/index.html?q=' + encodeURIComponent(q);
      select(-1);
      open(true);
    }
    function run() {
      var q = input.value.trim();
      var mine = ++seq;
      if (!q) { list.innerHTML = ''; items = []; select(-1); open(false); return; }
      if (!html.hasAttribute('data-search')) { status.textContent = 'Loading search…'; list.innerHTML = ''; open(true); }
      engine().then(function (e) { return e.search(q, {}, 8); }).then(function (answer) {
        if (mine === seq) render(q, answer);
      }, function () {
        status.textContent = 'Search could not load. Browse all questions A–Z instead.';
        all.href = root + 'all/index.html#az-title';
        open(true);
      });
    }
    function go(i) {
      var r = items[i];
      if (r) location.href = root + r.url;
    }
    input.addEventListener('focus', function () { engine(); if (input.value.trim()) run(); });
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 60); });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        if (!items.length) return;
        e.preventDefault();
        var n = items.length;
        select(e.key === 'ArrowDown' ? (active + 1) % n : (active <= 0 ? n - 1 : active - 1));
      } else if (e.key === 'Enter') {
        if (active >= 0) { e.preventDefault(); go(active); }
      } else if (e.key === 'Escape') {
        e.preventDefault();
        if (input.value) { input.value = ''; run(); } else { open(false); input.blur(); }
      }
    });
    list.addEventListener('mousedown', function (e) { e.preventDefault(); });
    list.addEventListener('click', function (e) {
      var li = e.target.closest('[role=option]');
      if (li) go(Array.prototype.indexOf.call(list.children, li));
    });
    doc.addEventListener('click', function (e) { if (!form.contains(e.target)) open(false); });
  }

  /* ---------- full search page ---------- */
  function setupPage() {
    var form = doc.getElementById('search-page');
    if (!form) return;
    var input = doc.getElementById('q');
    var out = doc.querySelector('.search-page-results');
    var status = doc.querySelector('.search-page-status');
    var names = ['category', 'tag', 'difficulty', 'format'];
    var params = new URLSearchParams(location.search);
    input.value = params.get('q') || '';
    names.forEach(function (n) {
      var sel = form.elements[n], v = params.get(n);
      if (v && sel.querySelector('option[value="' + CSS.escape(v) + '"]')) sel.value = v;
    });
    var seq = 0, timer = 0;
    function state() {
      var f = {};
      names.forEach(function (n) { if (form.elements[n].value) f[n] = form.elements[n].value; });
      return f;
    }
    function remember(q, f) {
      var p = new URLSearchParams();
      if (q) p.set('q', q);
      names.forEach(function (n) { if (f[n]) p.set(n, f[n]); });
      var s = p.toString();
      try { history.replaceState(null, '', s ? '?' + s : location.pathname.split('/').pop()); } catch (e) { /* file:// */ }
    }
    function run() {
      var q = input.value.trim(), f = state(), mine = ++seq;
      remember(q, f);
      if (!q && !Object.keys(f).length) { out.innerHTML = ''; status.textContent = 'Type a word or pick a filter.'; return; }
      status.textContent = 'Searching…';
      engine().then(function (e) { return e.search(q, f, 0); }).then(function (answer) {
        if (mine !== seq) return;
        status.textContent = answer.total === 0 ? 'No question matches.'
          : answer.total + (answer.total === 1 ? ' question' : ' questions') + '.';
        out.innerHTML = answer.results.map(function (r) {
          return '<li class="search-result"><h2><a href="' + esc(root + r.url) + '">' + r.titleHtml + '</a></h2>' +
            '<p class="sr-meta">' + metaHtml(r) + '</p><p class="sr-snippet">' + r.snippetHtml + '</p></li>';
        }).join('');
      }, function () { status.textContent = 'Search could not load.'; });
    }
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 60); });
    form.addEventListener('change', run);
    form.addEventListener('submit', function (e) { e.preventDefault(); run(); });
    form.addEventListener('reset', function () { setTimeout(run, 0); });
    run();
  }

  /* ---------- keyboard ---------- */
  function typing(t) {
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }
  function setupKeys() {
    doc.addEventListener('keydown', function (e) {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
      if (e.key === '/') {
        var box = doc.getElementById('q') || doc.getElementById('search-input');
        if (box && box.offsetParent !== null) { e.preventDefault(); box.focus(); box.select(); }
        return;
      }
      if (e.shiftKey) return;
      var rel = (e.key === 'j' || e.key === 'ArrowRight') ? 'next' : (e.key === 'k' || e.key === 'ArrowLeft') ? 'prev' : null;
      var link = rel && doc.querySelector('.pager a[rel=' + rel + ']');
      if (link) { e.preventDefault(); location.href = link.href; }
    });
  }

  function start() { setupTheme(); setupBox(); setupPage(); setupKeys(); }
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start); else start();
})();
