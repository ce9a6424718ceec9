"use strict";
// The admin's autocomplete (select2) names its combobox only by the value chosen, so
// an empty one is announced with no name at all (axe: aria-input-field-name). Name
// each one by its field's label as well.
window.addEventListener("load", function () {
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
});
