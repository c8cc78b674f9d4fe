/*
 * starbook search worker: answers queries off the page's main thread, loading index files on
 * demand. The index files are scripts (so the page can load them from file://), each line a call
 * StarbookSearchFiles.<name>(<JSON arguments>); here they are fetched in parallel and their
 * arguments parsed as JSON, which importScripts (one file after the other) would not allow.
 */
importScripts('theme.js', 'search-engine.js', 'search/index.js');
(function () {
  'use strict';
  const meta = self.STARBOOK_SEARCH;
  if (meta.stemmer) { importScripts('search/stemmer.js'); }
  const CALL = /^StarbookSearchFiles\.(\w+)\((.*)\);$/;

  /** Runs an index file's calls: StarbookSearchFiles.shard("mo",{...}); → shard("mo", {...}). */
  function run(text) {
    text.split('\n').forEach((line) => {
      const m = CALL.exec(line);
      if (m) { self.StarbookSearchFiles[m[1]].apply(null, JSON.parse('[' + m[2] + ']')); }
    });
  }

  const load = (files) => Promise.all(files.map((f) => fetch('search/' + f).then((r) => {
    if (!r.ok) { throw new Error('cannot load ' + f + ': ' + r.status); }
    return r.text();
  }))).then((texts) => texts.forEach(run));
  const engine = StarbookSearch.create(meta, load, self.StarbookStemmer ? self.StarbookStemmer.stem : null);
  self.postMessage({ ready: true, size: engine.size });
  self.onmessage = (e) => {
    const m = e.data;
    engine.search(m.q, m.filters, m.limit, m.offset).then(
      (answer) => self.postMessage({ id: m.id, answer: answer }),
      (err) => self.postMessage({ id: m.id, error: String(err) }));
  };
})();
