// plotly.js with only the trace types that reports/builders/charts.py draws, built as plotly.js builds
// its own dist files (its esbuild-config.js: same plugins, aliases and target), so that the bundle is theirs
// less the traces we never draw: about a quarter of the full bundle's bytes.
// `make plotly-bundle` runs it; the version is package.json's and must be the installed plotly package's
// (tests/reports/test_plotly_bundle.py).
"use strict";

const fs = require("fs");
const path = require("path");
const esbuild = require("esbuild");
const { environmentPlugin } = require("esbuild-plugin-environment");
const { glsl } = require("esbuild-plugin-glsl");
const InlineCSSPlugin = require("esbuild-plugin-inline-css");

const TRACES = ["scatter", "bar", "heatmap", "scatterpolar"];
const OUT = path.resolve(__dirname, "../../static/vendor/plotly/plotly.min.js");
const version = require("plotly.js/package.json").version;

const entry = [
  'var Plotly = require("plotly.js/lib/core");',
  "Plotly.register([" + TRACES.filter((name) => name !== "scatter").map((name) => 'require("plotly.js/lib/' + name + '")').join(", ") + "]);",
  "module.exports = Plotly;",
].join("\n");

esbuild
  .build({
    stdin: { contents: entry, resolveDir: __dirname, sourcefile: "bundle.js" },
    outfile: OUT,
    format: "iife",
    globalName: "Plotly",
    bundle: true,
    minify: true,
    sourcemap: false,
    plugins: [InlineCSSPlugin(), glsl({ minify: true }), environmentPlugin({ NODE_DEBUG: false })],
    alias: { regl: "@plotly/regl", stream: "stream-browserify" },
    define: { global: "window", "define.amd": "false" },
    target: "es2016",
    banner: {
      js: [
        "/**",
        "* plotly.js v" + version + ", partial bundle of the traces " + TRACES.join(", "),
        "* Copyright 2012-2026, Plotly, Inc.",
        "* All rights reserved.",
        "* Licensed under the MIT license",
        "*/",
      ].join("\n"),
    },
    logLevel: "info",
  })
  .then(() => console.log("Wrote " + OUT + " (" + fs.statSync(OUT).size + " bytes)"));
