// Keeps a cohort run's progress up to date without reloading the page (a reload moves the focus
// and re-reads the page to screen-reader users), and opens the proposal when it is ready.
// Without JavaScript the page's "check again" link does the same.
(function () {
  'use strict';
  var field = document.querySelector('[data-cohort-progress]');
  if (!field) {
    return;
  }

  var url = field.getAttribute('data-cohort-progress');
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
      .then(function (run) {
        if (run.finished) {
          window.location.reload();
          return;
        }
        if (run.applicants > 0) {
          bar.max = run.applicants;
          bar.value = run.placed;
          text.textContent = 'Placed ' + number.format(run.placed) + ' of ' + number.format(run.applicants) + ' applicants';
        }
        window.setTimeout(check, 1500);
      })
      .catch(function () {
        window.setTimeout(check, 5000);
      });
  }

  window.setTimeout(check, 1000);
})();
