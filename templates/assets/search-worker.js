/* starbook search worker: answers queries off the page's main thread, loading index files on demand. */
importScripts('theme.js', 'search-engine.js', 'search/index.js');
(function () {
  'use strict';
  const meta = self.STARBOOK_SEARCH;
  if (meta.stemmer) { importScripts('search/stemmer.js'); }
  const load = (files) => new Promise((resolve) => {
    importScripts.apply(self, files.map((f) => 'search/' + f));
    resolve();
  });
  const engine = StarbookSearch.create(meta, load, self.StarbookStemmer ? self.StarbookStemmer.stem : null);
  self.postMessage({ ready: true, size: engine.size });
  self.onmessage = (e) => {
    const m = e.data;
    engine.search(m.q, m.filters, m.limit, m.offset).then(
      (answer) => self.postMessage({ id: m.id, answer: answer }),
      (err) => self.postMessage({ id: m.id, error: String(err) }));
  };
})();
