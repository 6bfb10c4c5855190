// Small helpers shared by the staff and partner pages (loaded before their own script).
"use strict";

window.Loket = (function () {
  // Build an element: h("p", {class: "x"}, "text", child). Text always goes in as text.
  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) return;
      if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    });
    children.flat().forEach((c) => {
      if (c === null || c === undefined) return;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    });
    return node;
  }

  // token: staff bearer token; apiKey: partner key (X-API-Key header).
  async function api(method, url, { token, apiKey, body, accept } = {}) {
    const headers = { Accept: accept || "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    if (apiKey) headers["X-API-Key"] = apiKey;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response;
    try {
      response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      return { ok: false, status: 0, error: "Geen verbinding met de server. Probeer het opnieuw." };
    }
    const type = response.headers.get("content-type") || "";
    const data = type.includes("json") ? await response.json().catch(() => null) : await response.text();
    if (response.ok) return { ok: true, status: response.status, data };
    return { ok: false, status: response.status, error: explain(response.status, data) };
  }

  function explain(status, data) {
    if (status === 401) return "Geen toegang: vul eerst uw sleutel of token in.";
    if (status === 403) return "Geen toegang: deze sleutel of dit token klopt niet.";
    if (status === 404) return "Niet gevonden.";
    if (status === 429) return "Te veel verzoeken kort na elkaar. Wacht even.";
    const detail = data && data.detail;
    if (typeof detail === "string") return detail;
    if (Array.isArray(detail)) {
      return "Controleer de invoer: " + detail.map((d) => (d.loc || []).slice(-1).join("") + ": " + d.msg).join("; ");
    }
    return "Er ging iets mis (code " + status + "). Probeer het opnieuw.";
  }

  function show(container, ...nodes) {
    container.replaceChildren(...nodes);
  }

  // The staff token form (templates/staff-token.html): keeps the token in this tab's
  // sessionStorage; returns a function that reads the current token.
  function staffToken() {
    const KEY = "loket.staffToken";
    const field = document.getElementById("staff-token");
    const token = () => sessionStorage.getItem(KEY) || "";
    field.value = token();
    document.getElementById("token-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const value = field.value.trim();
      if (value) sessionStorage.setItem(KEY, value);
      else sessionStorage.removeItem(KEY);
      document.getElementById("token-status").textContent = value ? "Token wordt gebruikt in dit tabblad." : "Token verwijderd.";
    });
    return token;
  }

  return { h, api, show, staffToken };
})();
