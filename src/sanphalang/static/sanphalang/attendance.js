/* Attendance in bulk on a meeting's page (the Content-Security-Policy allows no inline script):
 *  - button[data-ticks="all"|"none"]: ticks or clears every box of its form that can still be ticked;
 *  - select[data-sets-unmatched]: on the review of a pasted list, sets the choice of every line nothing matched. */
(function () {
  'use strict'

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button[data-ticks]')
    if (!button) { return }
    var tick = button.dataset.ticks === 'all'
    button.form.querySelectorAll('input[type=checkbox]:not(:disabled)').forEach(function (box) {
      box.checked = tick
    })
  })

  document.addEventListener('change', function (event) {
    var select = event.target
    if (!select.matches('select[data-sets-unmatched]') || !select.value) { return }
    select.form.querySelectorAll('select[data-unmatched]').forEach(function (line) {
      line.value = select.value
    })
  })
})()
