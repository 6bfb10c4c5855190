// Staff page: routing tester (POST /api/v1/route), staff routing cases, the list of initiatives
// (with re-sending summaries that did not arrive).
"use strict";

(function () {
  const { h, api, show, staffToken } = window.Loket;
  const token = staffToken();
  const names = JSON.parse(document.getElementById("catalogue-names").textContent);
  const $ = (id) => document.getElementById(id);
  const nameOf = (table, id) => (names[table] && names[table][id]) || id;
  const error = (text) => h("p", { class: "fail", role: "alert" }, text);


  function facts(pairs) {
    return h("dl", { class: "facts" }, pairs.filter(([, v]) => v !== null && v !== "").flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
  }

  function list(items) {
    return items.length ? items.join(", ") : "geen";
  }

  function renderRoute(route) {
    const [lead, ...others] = route.departments || [];
    const needs = (route.needs || []).map((n) => n.id + (n.source === "derived" ? " (uit de tekst)" : " (opgegeven)"));
    const reasons = h(
      "ol",
      { class: "reasons" },
      (route.reasons || []).map((r) =>
        h("li", {}, h("strong", {}, r.rule), ": ", r.reden, r.matched && r.matched.length ? h("span", { class: "matched" }, " (gevonden: " + r.matched.join(", ") + ")") : null)
      )
    );
    return h(
      "div",
      { class: "result" },
      h("h3", {}, "Uitkomst"),
      facts([
        ["Valt binnen Loket", route.in_scope ? "ja" : "nee, verwijs naar " + route.general_contact],
        ["Leidend team", lead ? nameOf("departments", lead) : "geen"],
        ["Ook betrokken", list(others.map((d) => nameOf("departments", d)))],
        ["Partners", list((route.partners || []).map((p) => nameOf("partners", p)))],
        ["Regelingen", list((route.instruments || []).map((i) => nameOf("instruments", i)))],
        ["Behoeften", list(needs)],
        ["Wijk", route.wijk || "onbekend"],
        ["SDG's", list((route.sdgs || []).map((s) => s + " " + nameOf("sdgs", String(s))))],
        ["Versie regels", route.rules_version],
      ]),
      h("h3", {}, "Waarom"),
      reasons
    );
  }

  $("route-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    const intake = { text: form.text.value.trim() };
    intake.needs = [...form.querySelectorAll("input[name=needs]:checked")].map((c) => c.value);
    ["stage", "organisation", "wijk"].forEach((k) => {
      if (form[k].value) intake[k] = form[k].value;
    });
    const out = $("route-result");
    show(out, h("p", {}, "Bezig met routeren…"));
    const result = await api("POST", "/api/v1/route", { body: intake, token: token() });
    show(out, result.ok ? renderRoute(result.data) : error(result.error));
  });

  $("run-cases").addEventListener("click", async () => {
    const out = $("cases-result");
    show(out, h("p", {}, "Testcases draaien…"));
    const result = await api("GET", "/api/v1/staff/routing-cases", { token: token() });
    if (!result.ok) return show(out, error(result.error));
    const { total, passed, cases } = result.data;
    show(
      out,
      h("p", { class: passed === total ? "pass" : "fail" }, passed + " van " + total + " testcases geslaagd."),
      h(
        "div",
        { class: "table-wrap", role: "region", "aria-label": "Uitkomst testcases", tabindex: "0" },
        h(
          "table",
          { class: "utrecht-table utrecht-table--html-table" },
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Case"), h("th", { scope: "col" }, "Uitkomst"), h("th", { scope: "col" }, "Toelichting"))),
          h("tbody", {}, cases.map((c) => h("tr", {}, h("td", {}, c.name), h("td", { class: c.passed ? "pass" : "fail" }, c.passed ? "geslaagd" : "mislukt"), h("td", {}, c.message || ""))))
        )
      )
    );
  });

  // A summary that did not arrive within its retry window: say so, and offer to send it again.
  function delivery(c) {
    const cell = h("td", {});
    if (!c.failed_deliveries) {
      cell.textContent = "in orde";
      return cell;
    }
    const note = h("span", { class: "fail" }, "niet aangekomen (" + c.failed_deliveries + ") ");
    const button = h("button", { type: "button", class: "button" }, "Opnieuw versturen");
    button.setAttribute("aria-label", "Opnieuw versturen: " + c.reference);
    button.addEventListener("click", async () => {
      button.disabled = true;
      const result = await api("POST", "/api/v1/staff/cases/" + encodeURIComponent(c.reference) + "/resend", { token: token() });
      if (result.ok) show(cell, h("span", { role: "status" }, "Opnieuw verstuurd. Loket probeert het weer tot 72 uur lang."));
      else {
        button.disabled = false;
        show(cell, note, button, error(result.error));
      }
    });
    cell.append(note, button);
    return cell;
  }

  $("list-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    new FormData(event.target).forEach((v, k) => {
      if (v) params.append(k, v);
    });
    const out = $("list-result");
    show(out, h("p", {}, "Initiatieven laden…"));
    const result = await api("GET", "/api/v1/staff/cases?" + params, { token: token() });
    if (!result.ok) return show(out, error(result.error));
    const items = Array.isArray(result.data) ? result.data : result.data.items || result.data.cases || [];
    if (!items.length) return show(out, h("p", {}, "Geen initiatieven gevonden met deze filters."));
    show(
      out,
      h("p", {}, items.length + " initiatieven gevonden."),
      h(
        "div",
        { class: "table-wrap", role: "region", "aria-label": "Initiatieven", tabindex: "0" },
        h(
          "table",
          { class: "utrecht-table utrecht-table--html-table" },
          h("thead", {}, h("tr", {}, ["Kenmerk", "Datum", "Status", "Leidend team", "Wijk", "Behoeften", "Terugbellen", "Levering"].map((t) => h("th", { scope: "col" }, t)))),
          h(
            "tbody",
            {},
            items.map((c) =>
              h(
                "tr",
                {},
                h("td", {}, c.reference),
                h("td", {}, (c.created_at || "").slice(0, 10)),
                h("td", {}, c.status || ""),
                h("td", {}, nameOf("departments", c.lead || (c.route && c.route.departments && c.route.departments[0]) || "")),
                h("td", {}, c.wijk || (c.route && c.route.wijk) || ""),
                h("td", {}, list((c.needs || (c.route && c.route.needs) || []).map((n) => (typeof n === "string" ? n : n.id)))),
                h("td", {}, c.callback_requested ? "ja" : "nee"),
                delivery(c)
              )
            )
          )
        )
      )
    );
  });
})();
