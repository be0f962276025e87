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
    // The words come from the page (the word list's filter_count), with {shown} and {total} to fill in.
    count.textContent = (count.getAttribute("data-pp-count-text") || "")
      .replace("{shown}", shown).replace("{total}", rows.length);
  }

  status.addEventListener("change", apply);
  area.addEventListener("change", apply);
  control.hidden = false;
  apply();
})();

/* plan-progress: the menu and search buttons in the header. They wait in a <template>
   (plan-progress/partials/header-controls.html); this puts each beside the theme's label it
   stands for (mkdocs-material's header.html is used as it is).
   Below the desktop layout the navigation is a drawer, opened by the theme's hidden checkbox
   #__drawer. The button drives that checkbox: Enter and Space open it, Escape closes it and puts
   focus back on the button, aria-expanded says which, and the closed drawer is inert (nothing in
   it can be tabbed to or is read out). On phones the search field is hidden until opened: the
   search button opens it, and the hidden field is not a tab stop. Without JavaScript the theme's
   labels do the same job (html.no-js shows them instead of the buttons). */
(function () {
  "use strict";
  var controls = document.getElementById("pp-header-controls");
  if (!controls || !controls.content) return;
  [["[data-pp-menu]", "__drawer"], ["[data-pp-search]", "__search"]].forEach(function (pair) {
    var button = controls.content.querySelector(pair[0]);
    var label = document.querySelector('.md-header label.md-header__button[for="' + pair[1] + '"]');
    if (button && label) label.parentNode.insertBefore(button, label.nextSibling);
  });
})();

(function () {
  "use strict";
  var drawerToggle = document.getElementById("__drawer");
  var menu = document.querySelector("[data-pp-menu]");
  var drawer = document.querySelector(".md-sidebar--primary");
  var drawerMode = window.matchMedia("(max-width: 76.234375em)");
  var searchToggle = document.getElementById("__search");
  var searchButton = document.querySelector("[data-pp-search]");
  var searchInput = document.querySelector(".md-search__input");
  var phone = window.matchMedia("(max-width: 59.984375em)");

  function setToggle(toggle, on) {
    if (toggle.checked !== on) {
      toggle.checked = on;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  if (drawerToggle && menu && drawer) {
    if (!drawer.id) drawer.id = "pp-menu";
    menu.setAttribute("aria-controls", drawer.id);
    // While the drawer is open it covers the page: the page is inert, so Tab stays in the menu.
    var outside = [".md-header", "[data-md-component=skip]", ".md-content", ".md-sidebar--secondary",
                   ".md-footer", "[data-md-component=announce]"];
    var setOutside = function (on) {
      outside.forEach(function (selector) {
        Array.prototype.forEach.call(document.querySelectorAll(selector), function (el) {
          if (on) el.setAttribute("inert", ""); else el.removeAttribute("inert");
        });
      });
    };
    // In the drawer an open section slides over the list it belongs to: what it covers is inert,
    // and each open section's title (the theme's "back" label) is a button.
    var syncLevels = function () {
      Array.prototype.forEach.call(drawer.querySelectorAll("[data-pp-covered]"), function (el) {
        el.removeAttribute("inert");
        el.removeAttribute("data-pp-covered");
      });
      Array.prototype.forEach.call(drawer.querySelectorAll(".md-nav__title[for]"), function (title) {
        var toggle = document.getElementById(title.getAttribute("for"));
        if (drawerMode.matches && toggle && toggle !== drawerToggle && toggle.checked) {
          title.setAttribute("role", "button");
          title.setAttribute("tabindex", "0");
          // The words come from the page (the word list's menu_back, on the menu button), {title} filled in.
          title.setAttribute("aria-label", (menu.getAttribute("data-pp-back-text") || "{title}")
            .replace("{title}", title.textContent.replace(/\s+/g, " ").trim()));
        } else {
          title.removeAttribute("role");
          title.removeAttribute("tabindex");
          title.removeAttribute("aria-label");
        }
      });
      if (!drawerMode.matches) return;
      var cover = function (el) {
        if (!el.hasAttribute("inert")) {
          el.setAttribute("inert", "");
          el.setAttribute("data-pp-covered", "");
        }
      };
      Array.prototype.forEach.call(drawer.querySelectorAll(".md-nav--primary .md-nav__toggle"), function (toggle) {
        if (!toggle.checked || toggle.id === "__drawer") return;
        var item = toggle.parentElement;
        var list = item.parentElement;
        var nested = item.querySelector(":scope > .md-nav");
        if (!nested || getComputedStyle(nested).position !== "absolute") return;
        Array.prototype.forEach.call(list.children, function (other) { if (other !== item) cover(other); });
        Array.prototype.forEach.call(item.children, function (own) { if (own !== nested && own !== toggle) cover(own); });
        var title = list.parentElement && list.parentElement.querySelector(":scope > .md-nav__title");
        if (title) cover(title);
      });
    };
    var syncMenu = function () {
      var open = drawerToggle.checked;
      menu.setAttribute("aria-expanded", String(open));
      syncLevels();
      if (drawerMode.matches && !open) {
        if (drawer.contains(document.activeElement)) menu.focus();
        drawer.setAttribute("inert", "");
        setOutside(false);
      } else {
        drawer.removeAttribute("inert");
        setOutside(drawerMode.matches && open);
      }
    };
    var focusMenu = function () {
      var first = Array.prototype.find.call(
        drawer.querySelectorAll("a[href], button, [tabindex='0']"),
        function (el) { return !el.closest("[inert]") && el.getClientRects().length && getComputedStyle(el).visibility !== "hidden"; });
      if (first) first.focus();
    };
    menu.addEventListener("click", function () {
      setToggle(drawerToggle, !drawerToggle.checked);
      syncMenu();
      if (drawerToggle.checked && drawerMode.matches) focusMenu();
    });
    drawer.addEventListener("change", function (event) {
      if (event.target.classList.contains("md-nav__toggle")) {
        syncLevels();
        if (!drawer.contains(document.activeElement) || document.activeElement.closest("[inert]")) focusMenu();
      }
    });
    drawer.addEventListener("keydown", function (event) {
      var title = event.target.closest && event.target.closest(".md-nav__title[role=button]");
      if (title && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        title.click();
      }
    });
    drawerToggle.addEventListener("change", syncMenu);
    drawerMode.addEventListener("change", function () {
      if (!drawerMode.matches) setToggle(drawerToggle, false);
      syncMenu();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawerToggle.checked && drawerMode.matches) {
        setToggle(drawerToggle, false);
        syncMenu();
        menu.focus();
      }
    });
    syncMenu();
  }

  if (searchToggle && searchButton && searchInput) {
    var syncSearch = function () {
      var open = searchToggle.checked;
      searchButton.setAttribute("aria-expanded", String(open));
      if (phone.matches && !open) {
        searchInput.setAttribute("tabindex", "-1");
      } else {
        searchInput.removeAttribute("tabindex");
      }
    };
    searchButton.addEventListener("click", function () {
      searchInput.removeAttribute("tabindex");
      setToggle(searchToggle, true);
      searchInput.focus();
      syncSearch();
    });
    searchToggle.addEventListener("change", function () {
      var wasIn = document.activeElement === searchInput || document.activeElement === document.body;
      syncSearch();
      if (!searchToggle.checked && phone.matches && wasIn) searchButton.focus();
    });
    // Tab out of the search closes it: its overlay would otherwise cover the page focus moves to.
    document.addEventListener("focusin", function (event) {
      var search = searchInput.closest(".md-search");
      if (searchToggle.checked && search && !search.contains(event.target) && event.target !== searchButton) {
        setToggle(searchToggle, false);
      }
    });
    phone.addEventListener("change", syncSearch);
    syncSearch();
  }
})();

/* plan-progress: the header's height as --pp-header, for scroll-padding-top in theme-fixes.css,
   so that what focus scrolls to is never under the sticky header (it grows when the site name
   wraps on a phone). */
(function () {
  "use strict";
  var header = document.querySelector(".md-header");
  if (!header) return;
  function measure() {
    var sticky = getComputedStyle(header).position === "sticky";
    document.documentElement.style.setProperty("--pp-header", (sticky ? header.offsetHeight : 0) + "px");
  }
  measure();
  if (window.ResizeObserver) new ResizeObserver(measure).observe(header);
  window.addEventListener("resize", measure);
})();

/* plan-progress: the navigation's keyboard controls. mkdocs-material's nav-item.html (used as it
   is) opens a section with a <label> for a hidden checkbox, with tabindex 0: no name, no role, no
   expanded state, and Enter does nothing. Each such label gives way to a button named after the
   section, with aria-expanded, that drives the same checkbox; the section's list is named after
   it too (the theme names it by the label, which holds only an icon beside an index page, and
   gives it aria-expanded, which a navigation landmark may not have). The link to this page says
   so (aria-current); the table of contents' checkbox goes when there is no label for it (an
   unlabelled checkbox). Without JavaScript the labels stay: a mouse or a finger opens sections. */
(function () {
  "use strict";
  var primary = document.querySelector(".md-nav--primary");
  if (!primary) return;
  Array.prototype.forEach.call(primary.querySelectorAll("label.md-nav__link[for]"), function (label) {
    var id = label.getAttribute("for");
    var item = label.closest(".md-nav__item");
    var nav = item && item.querySelector(":scope > .md-nav");
    if (id === "__toc" || !nav) return;
    var title = nav.querySelector(":scope > .md-nav__title");
    var name = title ? title.textContent.replace(/\s+/g, " ").trim() : "";
    nav.id = id + "_nav";
    nav.removeAttribute("aria-expanded");
    nav.removeAttribute("aria-labelledby");
    if (name) nav.setAttribute("aria-label", name);
    var focusable = label.getAttribute("tabindex") === "0";  // the theme's: not for a section heading
    label.removeAttribute("tabindex");
    label.classList.add("pp-nojs-toggle");
    if (!focusable) return;
    var button = document.createElement("button");
    button.type = "button";
    button.classList.add("md-nav__link");
    button.classList.add("pp-nav-toggle");
    if (label.classList.contains("md-nav__link--active")) button.classList.add("md-nav__link--active");
    button.setAttribute("data-pp-toggle", id);
    button.setAttribute("aria-controls", nav.id);
    if (name) button.setAttribute("aria-label", name);
    Array.prototype.forEach.call(label.childNodes, function (child) { button.appendChild(child.cloneNode(true)); });
    label.parentNode.insertBefore(button, label.nextSibling);
  });
  Array.prototype.forEach.call(primary.querySelectorAll("a.md-nav__link--active"), function (link) {
    link.setAttribute("aria-current", "page");
  });
  var toc = document.getElementById("__toc");
  if (toc && !document.querySelector('label[for="__toc"]')) toc.parentNode.removeChild(toc);
  Array.prototype.forEach.call(primary.querySelectorAll("[data-pp-toggle]"), function (button) {
    var toggle = document.getElementById(button.getAttribute("data-pp-toggle"));
    if (!toggle) return;
    var sync = function () { button.setAttribute("aria-expanded", String(toggle.checked)); };
    button.addEventListener("click", function () {
      toggle.checked = !toggle.checked;
      toggle.dispatchEvent(new Event("change"));
      sync();
    });
    toggle.addEventListener("change", sync);
    sync();
  });
})();
