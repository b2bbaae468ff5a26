// Starts Blazor with a reconnection schedule fit for a front desk: a page that lost its connection
// tries again every half second for the first two minutes (a refused attempt costs the server
// nothing), then every two seconds, then every five, so the truth is back within a second of the
// network's return. ReconnectModal.razor.js also tries at once when the browser says it is online.
(() => {
    const intervalAfter = attempts => attempts < 240 ? 500 : attempts < 390 ? 2000 : 5000;
    Blazor.start({
        circuit: {
            reconnectionOptions: {
                maxRetries: 1000,
                retryIntervalMilliseconds: (previousAttempts, maxRetries) =>
                    previousAttempts >= maxRetries ? null : intervalAfter(previousAttempts),
            },
        },
    });
})();
