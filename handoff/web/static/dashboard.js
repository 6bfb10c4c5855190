// Staff dashboard: asks the server for the dashboard (SVG charts with tables, rendered and
// escaped on the server) with the staff token, for the chosen municipality and period.
"use strict";

(function () {
  const { h, api, show, staffToken } = window.Loket;
  const token = staffToken();
  const $ = (id) => document.getElementById(id);


  $("dashboard-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    ["municipality", "since", "until"].forEach((name) => {
      const value = event.target.elements[name].value;
      if (value) params.set(name, value);
    });
    const target = $("dashboard");
    show(target, h("p", {}, "Dashboard wordt geladen…"));
    const result = await api("GET", "/api/v1/staff/dashboard.html?" + params, { token: token(), accept: "text/html" });
    if (!result.ok) {
      show(target, h("p", { class: "fail", role: "alert" }, result.error));
      return;
    }
    const parsed = new DOMParser().parseFromString(result.data, "text/html");
    show(target, ...parsed.body.childNodes);
  });
})();
