// Search page: Pagefind's UI over the archive's index (one bundle per year, merged), started with
// the words from ?q= (the header's search box sends them here).
(function () {
  var root = document.getElementById('search');
  if (!root || typeof PagefindUI === 'undefined') return;
  var bundles = (root.getAttribute('data-bundles') || '').split(' ').filter(Boolean);
  if (!bundles.length) return;
  var ui = new PagefindUI({
    element: root,
    bundlePath: bundles[0],
    mergeIndex: bundles.slice(1).map(function (b) { return { bundlePath: b }; }),
    showSubResults: true,
    showImages: false,
    resetStyles: false,
  });
  var q = new URLSearchParams(location.search).get('q');
  if (q) ui.triggerSearch(q);
})();
