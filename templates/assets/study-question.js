/* starbook: "Add to review" / "Mark as known" on a question page, with the question's review state. */
(function () {
  'use strict';
  var S = window.StarbookStudy;
  var box = document.getElementById('review');
  if (!S || !box) { return; }
  var store = new S.Store(box.getAttribute('data-store'));
  var id = box.getAttribute('data-id');
  var hash = box.getAttribute('data-hash');
  var stateText = document.getElementById('review-state');
  var add = document.getElementById('review-add');

  function show() {
    var card = store.load().cards[id];
    var now = S.today();
    var state = S.state(card, hash, now);
    stateText.textContent = S.describe(card, hash, now);
    box.setAttribute('data-state', state);
    add.textContent = state === 'new' ? 'Add to review' : 'Review today';
    add.disabled = state === 'due' || state === 'changed';
  }

  add.addEventListener('click', function () {
    store.update(function (d) { d.cards[id] = S.added(d.cards[id], hash, S.today()); });
    show();
  });
  document.getElementById('review-known').addEventListener('click', function () {
    store.update(function (d) { d.cards[id] = S.known(d.cards[id], hash, S.today()); });
    show();
  });
  window.addEventListener('storage', function (e) {
    if (e.key === store.key) { show(); }
  });
  box.hidden = false;
  show();
})();
