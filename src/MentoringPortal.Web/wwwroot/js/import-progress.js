// Keeps an import's progress up to date without reloading the page (a reload moves the focus and
// re-reads the page to screen-reader users), and shows the result when it is finished.
// Without JavaScript the page refreshes itself, and its "refresh" link does the same.
(function () {
  'use strict';
  var field = document.querySelector('[data-import-progress]');
  if (!field) {
    return;
  }

  var url = field.getAttribute('data-import-progress');
  var kind = field.getAttribute('data-kind');
  var bar = field.querySelector('progress');
  var text = field.querySelector('[role="status"]');
  var number = new Intl.NumberFormat('en-GB');

  function check() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('progress ' + response.status);
        }
        return response.json();
      })
      .then(function (batch) {
        if (batch.finished) {
          window.location.reload();
          return;
        }
        bar.max = Math.max(1, batch.total);
        bar.value = batch.done;
        text.textContent = 'Imported ' + number.format(batch.done) + ' of ' + number.format(batch.total) + ' ' + kind;
        window.setTimeout(check, 1500);
      })
      .catch(function () {
        window.setTimeout(check, 5000);
      });
  }

  window.setTimeout(check, 1000);
})();
