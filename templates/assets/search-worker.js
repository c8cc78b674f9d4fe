/* starbook search worker: builds the index off the page's main thread and answers queries. */
importScripts('lunr.js', 'search-data.js', 'search-engine.js');
var engine = StarbookSearch.create(self.STARBOOK_SEARCH, self.lunr);
self.postMessage({ ready: true, size: engine.size });
self.onmessage = function (e) {
  var m = e.data;
  self.postMessage({ id: m.id, answer: engine.search(m.q, m.filters, m.limit) });
};
