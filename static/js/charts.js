// Draws every Plotly figure of the page. A figure is JSON in a <script type="application/json">
// (from Django's json_script), named by the data-figure attribute of the element that shows it:
// no inline script, so the pages work under a strict Content-Security-Policy.
// On a narrow screen a figure takes the layout its builder gave for it (layout.meta.narrow: legend below,
// smaller margins; reports/builders/charts.py), and goes back to layout.meta.wide when the window widens.
(function () {
  "use strict";

  var drawn = [];

  function isNarrow(meta) {
    return window.matchMedia("(max-width: " + meta.narrow_width + "px)").matches;
  }

  function fit(element) {
    var meta = element.layout && element.layout.meta;
    if (!meta || !meta.narrow) {
      return;
    }
    var narrow = isNarrow(meta);
    if (element.dataset.narrow !== String(narrow)) {
      element.dataset.narrow = String(narrow);
      // width: null, so that the width comes from the container now, not from the size the figure had.
      window.Plotly.relayout(element, Object.assign({ width: null }, narrow ? meta.narrow : meta.wide));
    }
  }

  function draw(root) {
    root.querySelectorAll("[data-figure]").forEach(function (element) {
      if (element.dataset.drawn) {
        return;
      }
      var source = document.getElementById(element.dataset.figure);
      if (!source || !window.Plotly) {
        return;
      }
      var figure = JSON.parse(source.textContent);
      element.dataset.narrow = "false";
      window.Plotly.newPlot(element, figure.data, figure.layout, { responsive: true, displaylogo: false, displayModeBar: false });
      element.dataset.drawn = "1";
      drawn.push(element);
      fit(element);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSettle", function (event) { draw(event.target); });
  window.addEventListener("resize", function () {
    drawn = drawn.filter(function (element) { return element.isConnected; });
    drawn.forEach(fit);
  });
})();
