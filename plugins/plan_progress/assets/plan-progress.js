/* plan-progress: filter the all-actions table in place.
   Progressive enhancement: without JavaScript the control stays hidden and the plain
   pages per status and per area (linked above the table) do the same job. */
(function () {
  "use strict";
  var control = document.querySelector("[data-pp-filter]");
  var table = document.querySelector("table.pp-actions");
  if (!control || !table) return;
  var status = control.querySelector("select[name=status]");
  var area = control.querySelector("select[name=area]");
  var count = control.querySelector(".pp-filter__count");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);

  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var match = (!status.value || row.getAttribute("data-status") === status.value) &&
                  (!area.value || row.getAttribute("data-area") === area.value);
      row.hidden = !match;
      if (match) shown += 1;
    });
    count.textContent = "Showing " + shown + " of " + rows.length + " actions.";
  }

  status.addEventListener("change", apply);
  area.addEventListener("change", apply);
  control.hidden = false;
  apply();
})();
