// Search page: Pagefind's UI over the archive's index (one bundle per year, merged), started with
// the words from ?q= (the header's search box sends them here). Each result shows its date and
// source above the excerpt; the filters (year, source, person quoted) span every year's bundle.
(function () {
  var root = document.getElementById('search');
  if (!root || typeof PagefindUI === 'undefined') return;
  // The page lists its bundles relative to itself, so the site works from any folder; Pagefind
  // resolves a relative bundle path against its own script instead, so it gets absolute ones.
  var bundles = (root.getAttribute('data-bundles') || '').split(' ').filter(Boolean).map(function (b) {
    return new URL(b, document.baseURI).href;
  });
  if (!bundles.length) return;
  var escape = function (text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  };
  var ui = new PagefindUI({
    element: root,
    bundlePath: bundles[0],
    mergeIndex: bundles.slice(1).map(function (b) { return { bundlePath: b }; }),
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    // A filter value no result has (a person quoted only in other articles) would bury the ones that count.
    showEmptyFilters: false,
    // Date and source as a byline: the default UI would list them after the excerpt as "Date: …" tags.
    processResult: function (result) {
      var meta = result.meta || {};
      var byline = [];
      if (meta.date) byline.push('<time datetime="' + escape(meta.published || '') + '">' + escape(meta.date) + '</time>');
      if (meta.source) byline.push('<span class="search-source">' + escape(meta.source) + '</span>');
      if (byline.length) result.excerpt = '<span class="search-byline">' + byline.join(' · ') + '</span> ' + result.excerpt;
      result.meta = { title: meta.title || '' };
      return result;
    },
  });
  var q = new URLSearchParams(location.search).get('q');
  if (q) ui.triggerSearch(q);
})();
