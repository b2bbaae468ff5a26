// The navigation drawer opens and closes in the browser alone: how the page is arranged is not the
// server's business, so no round trip and no per-page component holds it. MainLayout draws
// MudBlazor's drawer markup in its first state (open; below 960 px hidden by MudBlazor's CSS until
// first opened) and this switches the classes MudBlazor's MudDrawer would. Below 960 px the drawer
// lies over the page, and following a link, touching the scrim or pressing Escape closes it (focus
// goes back to the menu button), as a modal menu should; crossing the width closes or opens it.
// On a wide screen a closed drawer stays closed for the tab's session, also on pages loaded afresh
// (a doctor's page is) and after the browser patches in the next page.
(() => {
    const phone = matchMedia("(max-width: 959.98px)");
    const closedKey = "clinic-drawer-closed";

    function parts(element) {
        const layout = element.closest(".mud-layout");
        const drawer = layout?.querySelector(":scope > .clinic-drawer");
        return drawer ? { layout, drawer } : null;
    }

    const isOpen = drawer =>
        drawer.classList.contains("mud-drawer--open") && !(phone.matches && drawer.classList.contains("mud-drawer--initial"));

    function set({ layout, drawer }, open) {
        drawer.classList.remove("mud-drawer--initial");
        drawer.classList.toggle("mud-drawer--open", open);
        drawer.classList.toggle("mud-drawer--closed", !open);
        layout.classList.toggle("mud-drawer-open-responsive-md-left", open);
        layout.classList.toggle("mud-drawer-close-responsive-md-left", !open);
    }

    function remember(open) {
        try {
            sessionStorage.setItem(closedKey, open ? "0" : "1");
        } catch {
            // Storage refused (private mode): the drawer opens again on the next page load.
        }
    }

    function rememberedClosed() {
        try {
            return sessionStorage.getItem(closedKey) === "1";
        } catch {
            return false;
        }
    }

    function restore() {
        if (phone.matches || !rememberedClosed()) {
            return;
        }
        for (const layout of document.querySelectorAll(".mud-layout")) {
            const found = parts(layout);
            if (found) {
                set(found, false);
            }
        }
    }

    restore();
    window.Blazor?.addEventListener?.("enhancedload", restore);

    document.addEventListener("click", event => {
        const target = event.target instanceof Element ? event.target : null;
        const toggle = target?.closest("[data-drawer-toggle]");
        const found = target && parts(target);
        if (!found) {
            return;
        }
        if (toggle) {
            const open = !isOpen(found.drawer);
            set(found, open);
            if (!phone.matches) {
                remember(open);
            }
        } else if (target.closest("[data-drawer-scrim]") || (phone.matches && target.closest(".clinic-drawer a[href]"))) {
            set(found, false);
        }
    });

    document.addEventListener("keydown", event => {
        if (event.key !== "Escape" || !phone.matches) {
            return;
        }
        for (const layout of document.querySelectorAll(".mud-layout")) {
            const found = parts(layout);
            if (found && isOpen(found.drawer)) {
                set(found, false);
                layout.querySelector("[data-drawer-toggle]")?.focus();
            }
        }
    });

    phone.addEventListener("change", () => {
        for (const layout of document.querySelectorAll(".mud-layout")) {
            const found = parts(layout);
            if (found) {
                set(found, !phone.matches && !rememberedClosed());
            }
        }
    });
})();
