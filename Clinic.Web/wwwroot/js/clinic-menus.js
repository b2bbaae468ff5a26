// Menus that are the browser's own popovers (the account menu) close when a link in them is
// followed: Blazor's navigation keeps the page's elements, so an open popover would stay open over
// the next page.
document.addEventListener("click", event => {
    const link = event.target instanceof Element ? event.target.closest("[data-menu-closes-on-link] a[href]") : null;
    link?.closest("[popover]")?.hidePopover();
});
