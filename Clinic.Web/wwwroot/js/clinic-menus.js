// Menus that are the browser's own popovers (the account menu, the notifications) close when a
// choice is made in them: a link followed, or an item marked as a choice. Blazor's navigation keeps
// the page's elements, so an open popover would otherwise stay open over the next page.
document.addEventListener("click", event => {
    const chosen = event.target instanceof Element
        ? event.target.closest("[data-menu-closes-on-choice] a[href], [data-menu-closes-on-choice] [data-menu-choice]")
        : null;
    chosen?.closest("[popover]")?.hidePopover();
});
