// The job page's progress without a full reload: polls the job's JSON status
// every two seconds until it has finished (then reloads an import preview's
// page, to show what it found). Without JavaScript the page's Refresh link does
// the same by hand.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("job-progress");
  if (!box || box.dataset.finished === "true") return;
  var field = function (name) { return box.querySelector('[data-field="' + name + '"]'); };
  function show(status) {
    ["state_label", "stage", "progress", "result", "error"].forEach(function (name) {
      field(name).textContent = status[name] || "";
    });
    field("error").className = status.error ? "errornote" : "";
    var bar = field("bar");
    bar.max = status.total || 1;
    bar.value = status.total ? status.done : (status.finished ? 1 : 0);
  }
  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        show(status);
        // A preview's findings and its Confirm button are drawn by the server.
        if (status.finished && box.dataset.reloadWhenFinished === "true") window.location.reload();
        else if (!status.finished) window.setTimeout(poll, 2000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
});
