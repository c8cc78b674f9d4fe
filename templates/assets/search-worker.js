/* starbook search worker: builds the index off the page's main thread and answers queries. */
importScripts('theme.js', 'lunr.js', 'search-data.js', 'search-engine.js');
(function () {
  'use strict';
  const engine = StarbookSearch.create(self.STARBOOK_SEARCH, self.lunr);
  self.postMessage({ ready: true, size: engine.size });
  self.onmessage = (e) => {
    const m = e.data;
    self.postMessage({ id: m.id, answer: engine.search(m.q, m.filters, m.limit) });
  };
})();
