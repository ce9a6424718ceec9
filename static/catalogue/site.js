// Enhancements only: every page works without this file.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  // "Copy citation" buttons, shown only where the clipboard can be written.
  if (!navigator.clipboard) return;
  document.querySelectorAll("button.copy-citation").forEach(function (button) {
    var source = document.getElementById(button.dataset.copy);
    if (!source) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        button.textContent = "Copied";
      });
    });
  });
});
