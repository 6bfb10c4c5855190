// Loket chat widget: vanilla JS, no build step. Talks only to this origin (POST /api/v1/chat).
// Everything is kept per browser tab in sessionStorage: the random conversation id, the
// privacy-notice choice, the shown messages and (after a handoff) the case reference + token.
// The status link comes as a custom payload that the chat proxy adds ({"status_link": …});
// it never passes through Rasa, so its token is not in the conversation store.
"use strict";

(function () {
  const root = document.getElementById("chat");
  if (!root) return;

  // The site's municipality (the page's /<id>/), sent with every message: the assistant
  // answers with that municipality's wijken, teams and numbers.
  const municipality = root.dataset.municipality || "";
  const KEY = { sender: "loket.sender", accepted: "loket.accepted", history: "loket.history", kase: "loket.case" };
  const el = {
    privacy: document.getElementById("chat-privacy"),
    start: document.getElementById("chat-start"),
    main: document.getElementById("chat-main"),
    log: document.getElementById("chat-log"),
    status: document.getElementById("chat-status"),
    error: document.getElementById("chat-error"),
    form: document.getElementById("chat-form"),
    input: document.getElementById("chat-input"),
    clear: document.getElementById("chat-clear"),
  };
  const startPayload = root.dataset.startPayload || "/greet";
  const contact = root.dataset.contact || "het algemene nummer van de gemeente";
  const noAnswer = "Loket kon uw laatste bericht niet verwerken. Stuur het opnieuw. Lukt het weer niet? Bel " + contact + ".";
  let busy = false;
  // Enter pressed while Loket is still answering: the typed text waits in the input and goes
  // as soon as that answer is in (never dropped without a word).
  let queued = false;

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function sender() {
    let id = sessionStorage.getItem(KEY.sender);
    if (!id) {
      id = newId();
      sessionStorage.setItem(KEY.sender, id);
    }
    return id;
  }

  function history() {
    try {
      return JSON.parse(sessionStorage.getItem(KEY.history) || "[]");
    } catch (e) {
      return [];
    }
  }

  function remember(entry) {
    const items = history();
    items.push(entry);
    sessionStorage.setItem(KEY.history, JSON.stringify(items.slice(-200)));
  }

  // Text with [label](url) links, bare http(s) URLs, site paths such as /privacy and line
  // breaks; never innerHTML. A trailing full stop or comma is not part of a link.
  function renderText(parent, text) {
    const pattern = /\[([^\]]+)\]\(((?:https?:\/\/|\/)[^\s)]*)\)|(https?:\/\/[^\s)]+[^\s).,;:!?])|(?<=^|\s)(\/[a-z][a-z0-9-]*(?:\/[a-z0-9-]+)*)(?=$|[\s.,;:!?])/g;
    text.split("\n").forEach((line, i) => {
      if (i > 0) parent.appendChild(document.createElement("br"));
      let last = 0;
      for (const m of line.matchAll(pattern)) {
        parent.appendChild(document.createTextNode(line.slice(last, m.index)));
        const a = document.createElement("a");
        a.href = m[2] || m[3] || m[4];
        a.textContent = m[1] || m[3] || m[4];
        parent.appendChild(a);
        last = m.index + m[0].length;
      }
      parent.appendChild(document.createTextNode(line.slice(last)));
    });
  }

  function addMessage(who, text, buttons) {
    const item = document.createElement("div");
    item.className = "msg msg-" + who;
    const label = document.createElement("p");
    label.className = "msg-who";
    label.textContent = who === "bot" ? "Loket:" : "U:";
    const body = document.createElement("p");
    body.className = "msg-text";
    renderText(body, text || "");
    item.append(label, body);
    if (buttons && buttons.length) {
      const group = document.createElement("div");
      group.className = "quick-replies";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", "Kies een antwoord");
      buttons.forEach((b) => {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "button button-reply";
        button.textContent = b.title;
        button.addEventListener("click", () => send(b.payload, b.title));
        group.appendChild(button);
      });
      item.appendChild(group);
    }
    el.log.appendChild(item);
    el.log.scrollTop = el.log.scrollHeight;
  }

  function removeQuickReplies() {
    el.log.querySelectorAll(".quick-replies").forEach((g) => g.remove());
  }

  function showError(text) {
    el.error.textContent = text || "";
  }

  function setBusy(on) {
    busy = on;
    el.status.textContent = on ? "Loket typt…" : "";
    el.status.classList.toggle("is-typing", on);
  }

  // The status link of a case: a link styled as a button, below the receipt.
  function addLink(link) {
    const item = document.createElement("div");
    item.className = "msg msg-bot";
    const label = document.createElement("p");
    label.className = "msg-who";
    label.textContent = "Loket:";
    const body = document.createElement("p");
    const a = document.createElement("a");
    a.className = "button-link";
    a.href = link.url;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.textContent = "Bekijk uw aanvraag " + link.reference + " (opent in een nieuw tabblad)";
    body.appendChild(a);
    item.append(label, body);
    el.log.appendChild(item);
    el.log.scrollTop = el.log.scrollHeight;
  }

  // {"status_link": {reference, url, token}}: show it and keep it, so that "Wis gesprek" can
  // erase the case. {"erased": true}: the conversation was erased on the server.
  function handleCustom(custom) {
    const link = custom && custom.status_link;
    if (link && link.reference && link.url && link.token) {
      sessionStorage.setItem(KEY.kase, JSON.stringify({ reference: link.reference, token: link.token }));
      addLink(link);
      remember({ who: "bot", link: { reference: link.reference, url: link.url } });
    }
    return Boolean(custom && custom.erased);
  }

  // After an erasure: forget everything in this tab and start a new conversation.
  function startOver(note) {
    [KEY.sender, KEY.history, KEY.kase].forEach((k) => sessionStorage.removeItem(k));
    el.log.replaceChildren();
    showError("");
    [note, "U begint een nieuw gesprek."].forEach((text) => {
      if (!text) return;
      const p = document.createElement("p");
      p.className = "msg msg-system";
      p.textContent = text;
      el.log.appendChild(p);
    });
    el.input.focus();
    send(startPayload, null);
  }

  async function send(payload, shown) {
    if (busy) return;
    showError("");
    removeQuickReplies();
    if (shown) {
      addMessage("user", shown);
      remember({ who: "user", text: shown });
    }
    setBusy(true);
    let erased = false;
    let ok = false;
    const failed = (text) => {
      showError(text);
      // A typed message that got no answer goes back into the input, ready to send again.
      if (shown && shown === payload && !el.input.value) el.input.value = shown;
    };
    try {
      const response = await fetch("/api/v1/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(municipality ? { sender: sender(), message: payload, municipality } : { sender: sender(), message: payload }),
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) {
        failed(typeof data.detail === "string" ? data.detail : noAnswer);
        return;
      }
      let lastText = "";
      let shownAny = false;
      (data.messages || []).forEach((m) => {
        if (m.text || (m.buttons && m.buttons.length)) {
          addMessage("bot", m.text, m.buttons);
          remember({ who: "bot", text: m.text, buttons: m.buttons });
          lastText = m.text || lastText;
          shownAny = true;
        }
        if (handleCustom(m.custom)) erased = true;
      });
      if (erased) setTimeout(() => startOver(lastText), 0);
      if (!shownAny && !(data.messages || []).some((m) => m.custom)) failed(noAnswer);
      else ok = true;
    } catch (e) {
      // The page's own server did not answer (it may be restarting): not the inwoner's fault.
      failed("Loket is even niet bereikbaar. Probeer het over een minuut opnieuw. Lukt het niet? Bel " + contact + ".");
    } finally {
      setBusy(false);
      const next = queued && ok && !erased;
      queued = false;
      if (next) sendTyped();
    }
  }

  function restore() {
    const items = history();
    items.forEach((m, i) => {
      if (m.link) addLink(m.link);
      else addMessage(m.who, m.text, i === items.length - 1 ? m.buttons : null);
    });
  }

  function open(focusInput) {
    el.privacy.hidden = true;
    el.main.hidden = false;
    if (focusInput) el.input.focus();
  }

  el.start.addEventListener("click", () => {
    sessionStorage.setItem(KEY.accepted, "1");
    open(true);
    if (!history().length) send(startPayload, null);
  });

  function sendTyped() {
    const text = el.input.value.trim();
    if (!text) {
      showError("Typ eerst een bericht.");
      return;
    }
    el.input.value = "";
    send(text, text);
    el.input.focus();
  }

  el.form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (busy && el.input.value.trim()) {
      queued = true;
      el.status.textContent = "Loket typt… Uw bericht gaat daarna vanzelf.";
      return;
    }
    sendTyped();
  });

  // Quick replies disappear after use; keep keyboard focus in the conversation.
  el.log.addEventListener("click", (event) => {
    if (event.target.closest(".button-reply")) el.input.focus();
  });

  el.clear.addEventListener("click", async () => {
    const stored = sessionStorage.getItem(KEY.kase);
    if (stored) {
      const kase = JSON.parse(stored);
      const ok = window.confirm(
        "Hiermee wist u ook uw aanvraag " + kase.reference + " bij de gemeente en de partners. Doorgaan?"
      );
      if (!ok) return;
      const url = "/api/v1/cases/" + encodeURIComponent(kase.reference) + "?token=" + encodeURIComponent(kase.token);
      const response = await fetch(url, { method: "DELETE" }).catch(() => null);
      if (!response || !(response.ok || response.status === 404)) {
        showError("Wissen lukte niet. Probeer het opnieuw of bel " + contact + ".");
        return;
      }
    }
    // The conversation itself, also when it led to no case.
    const id = sessionStorage.getItem(KEY.sender);
    if (id) {
      const response = await fetch("/api/v1/chat/erase", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(municipality ? { sender: id, municipality } : { sender: id }),
      }).catch(() => null);
      if (!response || !response.ok) {
        showError("Wissen lukte niet. Probeer het opnieuw of bel " + contact + ".");
        return;
      }
    }
    startOver("Het gesprek is gewist.");
  });

  if (sessionStorage.getItem(KEY.accepted) === "1") {
    open(false);
    restore();
  }
})();
