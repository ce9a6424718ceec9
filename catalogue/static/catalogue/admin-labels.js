"use strict";
// The admin's autocomplete (select2) names its combobox only by the value chosen, so
// an empty one is announced with no name at all (axe: aria-input-field-name). Name
// each one by its field's label as well.
//
// select2 builds its combobox when jQuery's ready handlers run, which jQuery 3 runs
// asynchronously: sometimes before the window's load event, sometimes after. So the
// names are given at once and again whenever a combobox appears (a MutationObserver,
// whose callback runs before any other script or check sees the page), not on load.
(function () {
  function nameAutocompletes() {
    document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      const label = document.querySelector('label[for="' + select.id + '"]');
      const box = select.parentElement.querySelector(".select2-selection");
      if (!label || !box) {
        return;
      }
      label.id = label.id || select.id + "-label";
      // The combobox, and the text box inside it that shows the value (empty at first).
      [box, box.querySelector('[role="textbox"]')].forEach(function (element) {
        if (!element) {
          return;
        }
        const named = (element.getAttribute("aria-labelledby") || "").split(" ").filter(Boolean);
        if (named.indexOf(label.id) === -1) {
          element.setAttribute("aria-labelledby", [label.id].concat(named).join(" "));
        }
      });
    });
  }

  function addsCombobox(mutation) {
    return Array.prototype.some.call(mutation.addedNodes, function (node) {
      return (
        node.nodeType === Node.ELEMENT_NODE &&
        (node.matches(".select2-selection, .select2-container") ||
          node.querySelector(".select2-selection") !== null)
      );
    });
  }

  function start() {
    nameAutocompletes();
    new MutationObserver(function (mutations) {
      if (mutations.some(addsCombobox)) {
        nameAutocompletes();
      }
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
