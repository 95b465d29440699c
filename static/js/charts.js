// Draws every Plotly figure of the page. A figure is JSON in a <script type="application/json">
// (from Django's json_script), named by the data-figure attribute of the element that shows it:
// no inline script, so the pages work under a strict Content-Security-Policy.
// On a narrow screen a figure takes the layout its builder gave for it (layout.meta.narrow: legend below,
// smaller margins; reports/builders/charts.py), and goes back to layout.meta.wide when the window widens.
// On paper it takes the wide layout at a page's width, and comes back to the window's after printing.
(function () {
  "use strict";

  // CSS pixels a chart takes on paper: within the printable width of an A4 or Letter page (about 720).
  var PRINT_WIDTH = 680;
  var drawn = [];
  var printing = window.matchMedia("print");

  function isNarrow(meta) {
    return window.matchMedia("(max-width: " + meta.narrow_width + "px)").matches;
  }

  // Plotly's own resizing (responsive) forgets a figure's height and takes its element's: the element is
  // given the figure's height, or none (the stylesheet's) for a figure that leaves it to Plotly.
  function relayout(element, changes) {
    if ("height" in changes) {
      element.style.height = changes.height ? changes.height + "px" : "";
    }
    window.Plotly.relayout(element, changes);
  }

  function fit(element) {
    var meta = element.layout && element.layout.meta;
    if (!meta || !meta.narrow || printing.matches) {
      return;
    }
    var narrow = isNarrow(meta);
    if (element.dataset.narrow !== String(narrow)) {
      element.dataset.narrow = String(narrow);
      // width: null, so that the width comes from the container now, not from the size the figure had.
      relayout(element, Object.assign({ width: null }, narrow ? meta.narrow : meta.wide));
    }
  }

  function toPaper(element) {
    var meta = element.layout && element.layout.meta;
    element.dataset.narrow = "";  // fitted again to the window after printing
    relayout(element, Object.assign({ width: PRINT_WIDTH }, meta && meta.wide));
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
      if (figure.layout.height) {
        element.style.height = figure.layout.height + "px";
      }
      window.Plotly.newPlot(element, figure.data, figure.layout, { responsive: true, displaylogo: false, displayModeBar: false });
      element.dataset.drawn = "1";
      drawn.push(element);
      if (printing.matches) {
        toPaper(element);
      } else {
        fit(element);
      }
    });
  }

  function each(action) {
    drawn = drawn.filter(function (element) { return element.isConnected; });
    drawn.forEach(action);
  }

  function paper(event) {
    if (event.matches === false) {
      each(function (element) { relayout(element, { width: null }); fit(element); });
    } else {
      each(toPaper);
    }
  }

  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSettle", function (event) { draw(event.target); });
  window.addEventListener("resize", function () { each(fit); });
  // Printing changes the page's width without a resize event; browsers say it one way or the other.
  printing.addEventListener("change", paper);
  window.addEventListener("beforeprint", function () { paper({ matches: true }); });
  window.addEventListener("afterprint", function () { paper({ matches: false }); });
})();
