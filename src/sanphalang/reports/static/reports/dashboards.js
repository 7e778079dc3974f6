// The dashboard's own behaviour, wired from data- attributes (the Content-Security-Policy allows no inline
// script): [data-prints-page] prints the page with the print styles of charts.css.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-prints-page]")) {
      window.print();
    }
  });
})();
