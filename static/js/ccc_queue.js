// The CCC queue refreshes its rows every 30 seconds (htmx). If the session has ended meanwhile, the refresh is
// answered by the sign-in page: go there instead of pasting it into the table.
document.addEventListener("htmx:beforeSwap", (event) => {
  const url = event.detail.xhr && event.detail.xhr.responseURL;
  if (url && url.includes("/accounts/login/")) {
    event.detail.shouldSwap = false;
    window.location.assign(url);
  }
});
