// Renders the guidance catalogue (GET /api/v1/guidance, fetched by the background). Server strings
// are shown with textContent only; links only when they are http(s).
(() => {
  "use strict";
  const S = globalThis.PGSettings;
  const api = S.api;
  const $ = (id) => document.getElementById(id);

  const h = S.h;

  function link(url, title) {
    const href = S.safeHttpUrl(url);
    if (!href) return null;
    return h("a", { text: title || href, attrs: { href, target: "_blank", rel: "noopener noreferrer" } });
  }

  function render(g) {
    const org = g.organisation;
    if (org && typeof org === "object") {
      const box = $("organisation");
      box.replaceChildren();
      box.appendChild(h("h2", { text: "Advice from " + String(org.name || org.shortName || "your medical defence organisation") }));
      const contacts = h("ul");
      for (const c of Array.isArray(org.contacts) ? org.contacts : []) {
        if (c) contacts.appendChild(h("li", null, [String(c.label || "") + ": ", h("strong", { text: String(c.value || "") })]));
      }
      box.appendChild(contacts);
      const advice = link(org.adviceUrl, "Their advice pages");
      if (advice) box.appendChild(h("p", null, [advice]));
      box.classList.remove("hidden");
    }
    const list = $("categories");
    list.replaceChildren();
    for (const cat of Array.isArray(g.categories) ? g.categories : []) {
      if (!cat) continue;
      const instead = h("ul");
      for (const item of Array.isArray(cat.instead) ? cat.instead : []) instead.appendChild(h("li", { text: String(item) }));
      const links = h("ul");
      for (const l of Array.isArray(cat.links) ? cat.links : []) {
        const a = l && link(l.url, String(l.title || ""));
        if (a) links.appendChild(h("li", null, [a]));
      }
      list.appendChild(h("section", { className: "category", attrs: { id: "category-" + String(cat.id || "") } }, [
        h("h2", { text: String(cat.title || cat.id || "") }),
        h("p", { text: String(cat.summary || "") }),
        instead.childNodes.length ? h("p", { className: "subhead", text: "What to do instead" }) : null,
        instead.childNodes.length ? instead : null,
        links.childNodes.length ? h("p", { className: "subhead", text: "Guidance" }) : null,
        links.childNodes.length ? links : null,
      ]));
    }
  }

  async function init() {
    let resp = null;
    try {
      resp = await api.runtime.sendMessage({ type: "guidance" });
    } catch (e) {
      resp = null;
    }
    if (resp && resp.status === "ok" && resp.guidance) {
      render(resp.guidance);
      if (location.hash) {
        const target = document.getElementById(location.hash.slice(1));
        if (target) target.scrollIntoView();
      }
      return;
    }
    const settings = await S.load();
    $("status").replaceChildren(h("p", { className: "bad" }, [
      "The guidance comes from the PostGuard server, which is not running (expected at " + settings.serverUrl + "). Start it with ",
      h("code", { text: "scripts/run" }),
      " in the PostGuard folder, then reload this page.",
    ]));
  }

  init();
})();
