// A page arrives drawn by the server and becomes live a moment later, when its circuit has started
// (on a phone's slow connection, a second or more). A tap on a button in that moment would do nothing
// (the server is not listening yet) and the patient would think it did not work. So the tap is held
// (the pointer says "wait") and made again once the part of the page it was in is live: on the same
// button, found where it was and with the same words, or nothing is done. Links, the menu button,
// the browser's own menus and form fields work without the server, and are left alone.
(() => {
    const starting = "[data-starting]";
    const actionable = "button, [role=button], [role=tab], [role=switch], [role=menuitem], [role=option], [data-choice], .mud-chip";
    const native = "a[href], [data-drawer-toggle], [data-drawer-scrim], [popovertarget], input, textarea, select, label, summary, [contenteditable]";
    const giveUpAfter = 20_000;
    const waitOnceLive = 3_000;
    let held = null;
    let observer = null;

    const words = element => element.textContent.replace(/\s+/g, " ").trim();

    // The element's place under the region: the index of each element on the way down.
    function pathTo(region, element) {
        const path = [];
        for (let node = element; node !== region; node = node.parentElement) {
            path.unshift(Array.prototype.indexOf.call(node.parentElement.children, node));
        }
        return path;
    }

    function follow(region, path) {
        let node = region;
        for (const index of path) {
            node = node?.children[index];
        }
        return node ?? null;
    }

    function release() {
        held = null;
        observer?.disconnect();
        observer = null;
        document.documentElement.classList.remove("clinic-click-held");
    }

    // The same region once live: the one at the same place among the page's live regions.
    function liveRegion() {
        const regions = document.querySelectorAll("[data-interactive]");
        const region = regions[held.regionIndex];
        return region && !region.matches(starting) && region.dataset.interactive === "true" ? region : null;
    }

    function tryAgain() {
        if (!held) {
            return;
        }
        // Gone to another page meanwhile (a link works at once): the tap was meant for this one.
        if (Date.now() > held.until || location.href !== held.address) {
            release();
            return;
        }
        const region = liveRegion();
        if (!region) {
            return;
        }
        const { path, text, tag } = held;
        let target = follow(region, path);
        if (!target || target.tagName !== tag || words(target) !== text) {
            // Drawn a little differently once live: the one element of that kind with the same words.
            const alike = [...region.querySelectorAll(tag)].filter(e => words(e) === text);
            target = alike.length === 1 ? alike[0] : null;
        }
        if (!target) {
            // Live, but still loading what it shows: wait a little for the button to come back.
            if (!held.live) {
                held.live = true;
                held.until = Math.min(held.until, Date.now() + waitOnceLive);
                setTimeout(tryAgain, waitOnceLive + 50);
            }
            return;
        }
        release();
        if (!target.disabled && target.getAttribute("aria-disabled") !== "true") {
            target.click();
        }
    }

    document.addEventListener("click", event => {
        const element = event.target instanceof Element ? event.target : null;
        const region = element?.closest(starting);
        if (!region || !event.isTrusted || element.closest(native)) {
            return;
        }
        const target = element.closest(actionable);
        if (!target || !region.contains(target)) {
            return;
        }
        event.preventDefault();
        event.stopImmediatePropagation();
        held = {
            regionIndex: Array.prototype.indexOf.call(document.querySelectorAll("[data-interactive]"), region),
            path: pathTo(region, target),
            tag: target.tagName,
            text: words(target),
            until: Date.now() + giveUpAfter,
            address: location.href,
        };
        document.documentElement.classList.add("clinic-click-held");
        setTimeout(tryAgain, giveUpAfter + 100); // gives up even when nothing changes
        if (!observer) {
            observer = new MutationObserver(tryAgain);
            observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-interactive", "data-starting"] });
        }
    }, true);
})();
