// Search page: Pagefind's UI, started with the words from ?q= (the header's search box sends them here).
(function () {
  var root = document.getElementById('search');
  if (!root || typeof PagefindUI === 'undefined') return;
  var ui = new PagefindUI({ element: root, bundlePath: root.getAttribute('data-bundle'), showSubResults: true, showImages: false, resetStyles: false });
  var q = new URLSearchParams(location.search).get('q');
  if (q) ui.triggerSearch(q);
})();
