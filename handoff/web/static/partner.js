// Partner inbox: log in with the partner key, list own cases, read a summary, report status,
// leave a note for the owner.
// Uses the handoff partner API; the key stays in this tab's sessionStorage only.
"use strict";

(function () {
  const { h, api, show } = window.Loket;
  const KEY = "loket.partnerKey";
  const BASE = "/api/v1/partner/cases";
  const $ = (id) => document.getElementById(id);
  const key = () => sessionStorage.getItem(KEY) || "";
  let current = null;

  function loggedIn(on) {
    $("inbox").hidden = !on;
    $("logout").hidden = !on;
    $("key-fields").hidden = on;
    if (!on) $("detail").hidden = true;
  }

  async function loadInbox() {
    const out = $("inbox-list");
    show(out, h("p", {}, "Aanvragen laden…"));
    const result = await api("GET", BASE, { apiKey: key() });
    if (!result.ok) {
      $("key-status").textContent = result.error;
      loggedIn(false);
      return;
    }
    loggedIn(true);
    $("key-status").textContent = "U bent ingelogd.";
    const items = Array.isArray(result.data) ? result.data : result.data.items || result.data.cases || [];
    if (!items.length) return show(out, h("p", {}, "Er zijn nog geen aanvragen voor u."));
    show(
      out,
      h("p", {}, items.length === 1 ? "1 aanvraag." : items.length + " aanvragen."),
      h(
        "div",
        { class: "table-wrap", role: "region", "aria-label": "Uw aanvragen", tabindex: "0" },
        h(
          "table",
          { class: "utrecht-table utrecht-table--html-table" },
          h("thead", {}, h("tr", {}, ["Kenmerk", "Datum", "Uw status", "Status aanvraag", "Antwoord vóór", ""].map((t) => h("th", { scope: "col" }, t)))),
          h(
            "tbody",
            {},
            items.map((c) =>
              h(
                "tr",
                {},
                h("td", {}, c.reference),
                h("td", {}, (c.created_at || "").slice(0, 10)),
                h("td", {}, c.party_status || ""),
                h("td", {}, c.status || ""),
                h("td", {}, c.reply_by || ""),
                h("td", {}, h("button", { type: "button", class: "button button-secondary", "data-reference": c.reference, onclick: () => openCase(c.reference) }, "Bekijk ", h("span", { class: "visually-hidden" }, c.reference)))
              )
            )
          )
        )
      )
    );
  }

  const names = (items) => (items && items.length ? items.map((i) => i.naam).join("; ") : null);
  const date = (iso) => (iso ? iso.split("-").reverse().join("-") : "");

  function facts(pairs) {
    return h("dl", { class: "facts" }, pairs.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v || "onbekend")]));
  }

  // The intake summary (JSON, Dutch field names) as one readable page.
  function renderSummary(s) {
    const contact = s.contact
      ? facts([["Naam", s.contact.naam], ["E-mail", s.contact.email], ["Telefoon", s.contact.telefoon]].filter(([, v]) => v))
      : h("p", {}, "Geen contactgegevens gedeeld. Reageer via het team dat de regie heeft.");
    return h(
      "div",
      { class: "summary-view" },
      h("p", {}, "Aangemaakt op " + date(s.aangemaakt) + ". ", h("strong", {}, "Graag reageren vóór " + date(s.reageren_voor) + ".")),
      h("h3", {}, "Doel"),
      h("p", { class: "summary" }, s.doel),
      h("h3", {}, "Gegevens"),
      facts([
        ["Behoeften", names(s.behoeften)],
        ["Fase", s.fase && s.fase.naam],
        ["Organisatievorm", s.organisatievorm && s.organisatievorm.naam],
        ["Wijk", s.wijk],
        ["SDG's", names(s.sdgs)],
      ]),
      h("h3", {}, "Contact"),
      contact,
      h("h3", {}, "Voorgestelde instrumenten"),
      h("p", {}, names(s.instrumenten) || "Geen"),
      h("h3", {}, "Wie pakt het op"),
      facts([
        ["Regie", s.teams && s.teams[0] && s.teams[0].naam],
        ["Partners", names(s.partners)],
      ]),
      h("h3", {}, "Waarom"),
      h("ul", {}, (s.redenen || []).map((r) => h("li", {}, r)))
    );
  }

  async function openCase(reference) {
    current = reference;
    const result = await api("GET", BASE + "/" + encodeURIComponent(reference) + "?format=json", { apiKey: key() });
    $("detail-titel").textContent = "Aanvraag " + reference;
    show($("detail-body"), result.ok ? renderSummary(result.data) : h("p", { class: "fail", role: "alert" }, result.error));
    $("status-result").textContent = "";
    $("note-result").textContent = "";
    $("detail").hidden = false;
    $("detail").focus();
  }

  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const value = $("partner-key").value.trim();
    if (!value) {
      $("key-status").textContent = "Vul eerst uw partnersleutel in.";
      return;
    }
    sessionStorage.setItem(KEY, value);
    $("partner-key").value = "";
    loadInbox();
  });

  $("logout").addEventListener("click", () => {
    sessionStorage.removeItem(KEY);
    loggedIn(false);
    show($("inbox-list"));
    $("key-status").textContent = "U bent uitgelogd.";
    $("partner-key").focus();
  });

  $("status-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!current) return;
    const body = { status: $("status-value").value };
    const note = $("status-note").value.trim();
    if (note) body.note = note;
    const result = await api("POST", BASE + "/" + encodeURIComponent(current) + "/status", { apiKey: key(), body });
    $("status-result").textContent = result.ok ? "Status opgeslagen: " + body.status + "." : result.error;
    if (result.ok) loadInbox();
  });

  $("note-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!current) return;
    const text = $("note-text").value.trim();
    if (!text) {
      $("note-result").textContent = "Schrijf eerst een notitie.";
      return;
    }
    const result = await api("POST", BASE + "/" + encodeURIComponent(current) + "/notes", { apiKey: key(), body: { text } });
    $("note-result").textContent = result.ok ? "Notitie verstuurd naar de gemeente." : result.error;
    if (result.ok) $("note-text").value = "";
  });

  if (key()) loadInbox();
})();
