// The deep-zoom viewer of a document's scans (OpenSeadragon over the scans'
// IIIF info.json). An enhancement only: without it the page lists each scan's
// display copy and a link to its full-size image.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("scan-viewer");
  if (!element || typeof OpenSeadragon === "undefined") return;
  var sources = element.dataset.sources.split(" ").filter(Boolean);
  if (!sources.length) return;
  element.hidden = false;
  // Kept on the element so that tests (and curious readers) can reach the viewer.
  element.viewer = OpenSeadragon({
    element: element,
    prefixUrl: element.dataset.images,
    tileSources: sources,
    sequenceMode: sources.length > 1,
    showReferenceStrip: sources.length > 1,
    crossOriginPolicy: false,
  });
});
