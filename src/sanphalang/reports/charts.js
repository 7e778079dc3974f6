// Draws every chart of the page: each <figure data-chart="ID"> holds a <script type="application/json" id="ID">
// with its Vega-Lite spec (json_script). Expressions are interpreted, not compiled (ast: true makes vega-embed use
// the interpreter it bundles), so the page's CSP needs no 'unsafe-eval'; the default styles vega-embed and
// vega-tooltip would inject are in reports/charts.css instead.
function drawCharts(root) {
  const scope = root || document;
  scope.querySelectorAll("[data-chart]").forEach(function (holder) {
    if (holder.dataset.drawn) return;
    const source = document.getElementById(holder.dataset.chart);
    if (!source) return;
    const target = holder.querySelector(".chart-canvas") || holder;
    holder.dataset.drawn = "1";
    vegaEmbed(target, JSON.parse(source.textContent), {
      renderer: "svg",
      ast: true,
      actions: false,
      defaultStyle: false,
      tooltip: { disableDefaultStyle: true },
      loader: { target: "_self" },
    }).catch(function () {
      holder.classList.add("chart-failed");
    });
  });
}
window.vegaEmbed = vegaEmbed;
document.addEventListener("DOMContentLoaded", function () { drawCharts(document); });
document.addEventListener("htmx:afterSwap", function (event) { drawCharts(event.target); });
