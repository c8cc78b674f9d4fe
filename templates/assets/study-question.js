/* starbook: "Add to review" / "Mark as known" on a question page, with the question's review state,
   and the private "My answer" editor. Needs theme.js, study-core.js and study-answers.js first. */
(function () {
  'use strict';
  const S = window.StarbookStudy;
  const box = document.getElementById('review');
  if (!S || !box) { return; }
  const store = new S.Store(Starbook.keys.study(box));
  const id = box.getAttribute('data-id');
  const hash = box.getAttribute('data-hash');
  const stateText = document.getElementById('review-state');
  const add = document.getElementById('review-add');

  function show() {
    const card = store.load().cards[id];
    const now = S.today();
    const state = S.state(card, hash, now);
    stateText.textContent = S.describe(card, hash, now);
    box.setAttribute('data-state', state);
    add.textContent = state === 'new' ? 'Add to review' : 'Review today';
    add.disabled = state === 'due' || state === 'changed';
  }

  add.addEventListener('click', () => {
    store.update((d) => { d.cards[id] = S.added(d.cards[id], hash, S.today()); });
    show();
  });
  document.getElementById('review-known').addEventListener('click', () => {
    store.update((d) => { d.cards[id] = S.known(d.cards[id], hash, S.today()); });
    show();
  });
  window.addEventListener('storage', (e) => {
    if (e.key === store.key) { show(); }
  });
  box.hidden = false;
  show();
  const answerHost = document.getElementById('review-answer');
  if (answerHost && S.answerEditor) {
    S.answerEditor(answerHost, new S.AnswerStore(store.key), {
      id: id, title: box.getAttribute('data-title') || id, star: box.getAttribute('data-star') === 'true'
    });
  }
})();
