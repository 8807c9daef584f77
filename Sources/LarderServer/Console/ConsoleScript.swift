/// The console's script: it only enhances pages that work without it. Lists filter as the
/// user types; the lookup form updates its result as keys are typed.
enum ConsoleScript {
    /// The JavaScript.
    static let text = #"""
        "use strict";
        (function () {
          function filterList(input) {
            var table = document.getElementById(input.getAttribute("data-filter"));
            var status = document.getElementById("list-status");
            if (!table) { return; }
            var needle = input.value.trim().toLowerCase();
            var rows = table.tBodies[0].rows, shown = 0;
            for (var i = 0; i < rows.length; i++) {
              var match = needle === "" || (rows[i].getAttribute("data-search") || "").indexOf(needle) !== -1;
              rows[i].hidden = !match;
              if (match) { shown++; }
            }
            if (status) {
              status.textContent = needle === "" ? rows.length + " shown" : shown + " of " + rows.length + " match \u201c" + input.value.trim() + "\u201d";
            }
          }
          function liveLookup(form) {
            var result = document.getElementById("lookup-result");
            var timer = null, sequence = 0;
            function update() {
              var query = new URLSearchParams(new FormData(form)).toString();
              var current = ++sequence;
              fetch(form.getAttribute("action") + "?" + query + "&fragment=result", { credentials: "same-origin" })
                .then(function (response) { return response.text(); })
                .then(function (html) {
                  if (current !== sequence) { return; }
                  result.innerHTML = html;
                  history.replaceState(null, "", form.getAttribute("action") + "?" + query);
                });
            }
            function schedule() { clearTimeout(timer); timer = setTimeout(update, 250); }
            form.addEventListener("input", schedule);
            form.addEventListener("change", schedule);
            form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); update(); });
          }
          document.addEventListener("DOMContentLoaded", function () {
            var inputs = document.querySelectorAll("input[data-filter]");
            for (var i = 0; i < inputs.length; i++) {
              (function (input) {
                input.addEventListener("input", function () { filterList(input); });
              })(inputs[i]);
            }
            var form = document.querySelector("form[data-live-lookup]");
            if (form && window.fetch && window.URLSearchParams) { liveLookup(form); }
          });
        })();
        """#
}
