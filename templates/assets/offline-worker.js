/*
 * starbook's service worker, imported by sw.js at the site root, which the build writes with
 * self.STARBOOK_OFFLINE: this build's version, every file of the site (files), those always kept
 * (shell), the guide's estimated size (bytes) and whether it is saved whole at once (auto).
 *
 * - install: saves the shell, or the whole guide when it is small (auto) or when the reader asked
 *   for it with an earlier build ("Make available offline"), into the cache
 *   'starbook:' + the scope's path + ':' + version; then takes over at once;
 * - activate: deletes this site's caches of earlier builds (other sites on the same origin keep
 *   theirs: their scope differs);
 * - pages: network first, then the cache, then the cached 404 page, then the home page;
 * - everything else: the cache first, then the network (a file of the site is kept once read);
 * - messages: 'status' (how much is saved), 'save' (save the whole guide, with progress).
 * Registered by site.js over http(s) only; never from file:// nor under starbook serve.
 */
(function () {
  'use strict';
  const config = self.STARBOOK_OFFLINE;
  const scope = self.registration.scope;
  const prefix = 'starbook:' + new URL(scope).pathname + ':';
  const name = prefix + config.version;
  const files = new Set(config.files);
  /** Marks kept in the cache: the reader asked for the whole guide; the whole guide is there. */
  const ASKED = scope + '.starbook-offline/asked';
  const COMPLETE = scope + '.starbook-offline/complete';
  /** How long a page may take from the network before a saved copy is shown. */
  const PATIENCE = 4000;

  const url = (path) => new URL(path, scope).href;

  /** The site path of a URL ('' for the home page), without query; null outside the scope. */
  function pathOf(u) {
    const clean = u.origin + u.pathname;
    if (!clean.startsWith(scope)) { return null; }
    const path = clean.slice(scope.length);
    return path === '' || path.endsWith('/') ? path + 'index.html' : path;
  }

  /** Saves the files not yet in the cache, six at a time; rejects when one cannot be fetched. */
  function fill(cache, paths, progress) {
    let next = 0, done = 0;
    const one = () => {
      if (next >= paths.length) { return Promise.resolve(); }
      const key = url(paths[next++]);
      const fetched = () => fetch(key, { cache: 'no-cache' }).then((res) => {
        if (!res.ok) { throw new Error(key + ': ' + res.status); }
        return cache.put(key, res);
      });
      return cache.match(key, { ignoreVary: true }).then((hit) => hit || fetched())
        .then(() => { done++; if (progress) { progress(done, paths.length); } })
        .then(one);
    };
    const workers = [];
    for (let i = 0; i < 6; i++) { workers.push(one()); }
    return Promise.all(workers);
  }

  /** Saves the whole guide into the cache and marks it complete. */
  function saveAll(cache, progress) {
    return fill(cache, config.files, progress)
      .then(() => cache.put(COMPLETE, new Response('')));
  }

  /** Whether an earlier build of this site was saved whole because the reader asked. */
  function askedBefore() {
    return caches.keys().then((keys) => Promise.all(keys
      .filter((k) => k.startsWith(prefix) && k !== name)
      .map((k) => caches.open(k).then((c) => c.match(ASKED)))))
      .then((hits) => hits.some(Boolean));
  }

  self.addEventListener('install', (event) => {
    event.waitUntil(caches.open(name).then((cache) => askedBefore().then((asked) => {
      if (config.auto || asked) {
        return (asked ? cache.put(ASKED, new Response('')) : Promise.resolve())
          .then(() => saveAll(cache));
      }
      return fill(cache, config.shell);
    })).then(() => self.skipWaiting()));
  });

  self.addEventListener('activate', (event) => {
    event.waitUntil(caches.keys()
      .then((keys) => Promise.all(keys
        .filter((k) => k.startsWith(prefix) && k !== name)
        .map((k) => caches.delete(k))))
      .then(() => self.clients.claim()));
  });

  /** From this build's cache only (never another site's, nor an earlier build's). */
  function cached(key) {
    return caches.match(key, { cacheName: name, ignoreVary: true });
  }

  /**
   * Keeps a copy of a response for a file of the site (nothing else: no stray 404s), unless the
   * cache is gone (the reader cleared it, or site.js forgot this worker): it is not made again.
   */
  function keep(key, path, res) {
    if (!res.ok || res.type !== 'basic' || !files.has(path)) { return Promise.resolve(); }
    const copy = res.clone();
    return caches.has(name).then((has) => has && caches.open(name).then((c) => c.put(key, copy)));
  }

  /** Network first; a saved copy when the network fails or is slow; else the 404 or home page. */
  function page(event, path) {
    const key = url(path);
    const fromNetwork = fetch(event.request);
    event.waitUntil(fromNetwork.then((res) => keep(key, path, res), () => undefined));
    const fallback = () => cached(key)
      .then((hit) => hit || cached(url('404.html')))
      .then((hit) => hit || cached(url('index.html')))
      .then((hit) => hit || Response.error());
    // A saved copy after PATIENCE ms; without one, keep waiting for the network.
    const slow = new Promise((resolve) => { setTimeout(resolve, PATIENCE); })
      .then(() => cached(key))
      .then((hit) => hit || fromNetwork);
    return Promise.race([fromNetwork, slow]).catch(fallback);
  }

  /** The cache first, then the network (keeping the site's own files). */
  function asset(event, path) {
    const request = event.request;
    return cached(request).then((hit) => {
      if (hit) { return hit; }
      const fromNetwork = fetch(request);
      if (!request.headers.has('range')) {
        event.waitUntil(fromNetwork.then((res) => keep(request, path, res), () => undefined));
      }
      return fromNetwork;
    });
  }

  self.addEventListener('fetch', (event) => {
    const request = event.request;
    if (request.method !== 'GET') { return; }
    const u = new URL(request.url);
    if (u.origin !== self.location.origin || !request.url.startsWith(scope)) { return; }
    const path = pathOf(u);
    if (path === null) { return; }
    if (request.mode === 'navigate') {
      event.respondWith(page(event, path));
    } else {
      event.respondWith(asset(event, path));
    }
  });

  /** How much of the guide this build's cache holds. */
  function status() {
    const cache = caches.has(name).then((has) => (has ? caches.open(name) : null));
    return cache.then((c) => (c ? Promise.all([c.match(COMPLETE), c.match(ASKED), c.keys()])
      : [null, null, []])).then((r) => ({
      version: config.version,
      bytes: config.bytes,
      auto: config.auto,
      files: config.files.length,
      saved: r[2].filter((k) => files.has(pathOf(new URL(k.url)))).length,
      complete: !!r[0],
      asked: !!r[1]
    }));
  }

  /** The reader asked for the whole guide: saves it, telling the page how far it got. */
  function save(port) {
    let last = 0;
    const progress = (done, all) => {
      const now = Date.now();
      if (now - last > 200 || done === all) {
        last = now;
        port.postMessage({ done: done, all: all });
      }
    };
    return caches.open(name)
      .then((cache) => cache.put(ASKED, new Response('')).then(() => saveAll(cache, progress)))
      .then(status)
      .then((s) => port.postMessage({ status: s }), (e) => port.postMessage({ error: String(e) }));
  }

  self.addEventListener('message', (event) => {
    const m = event.data || {};
    const port = event.ports && event.ports[0];
    if (!port) { return; }
    if (m.type === 'status') {
      event.waitUntil(status().then((s) => port.postMessage({ status: s })));
    } else if (m.type === 'save') {
      event.waitUntil(save(port));
    }
  });
})();
