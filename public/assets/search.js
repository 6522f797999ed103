// Search page: the archive's index (one Pagefind bundle per year) through Pagefind's own search API,
// with a front end of ours. Pagefind's ready-made UI merged the bundles one after another and loaded
// every filter before the first query; here the bundles are merged together, and a filter's values
// load only when a reader opens it. The first search starts with the words from ?q= (the header's
// search box sends them here). Each result shows its date and source above the excerpt; the filters
// (year, source, person quoted) span every year's bundle.
(function () {
  var root = document.getElementById('search');
  if (!root) return;
  // The page lists its bundles relative to itself, so the site works from any folder; Pagefind
  // resolves paths against its own script, so it gets absolute ones.
  var bundles = (root.getAttribute('data-bundles') || '').split(' ').filter(Boolean).map(function (b) {
    return new URL(b, document.baseURI).href;
  });
  if (!bundles.length) return;
  var PAGE = 10;
  var FILTERS = ['Year', 'Source', 'Person quoted'];
  var element = function (tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  };

  var form = element('form', { class: 'search-form', role: 'search' });
  var label = element('label', { for: 'search-input' }, 'Words to search for');
  var input = element('input', { id: 'search-input', type: 'search', name: 'q', autocomplete: 'off', spellcheck: 'false' });
  var submit = element('button', { type: 'submit' }, 'Search');
  form.append(label, input, submit);
  var status = element('p', { class: 'search-status', role: 'status' });
  var filters = element('div', { class: 'search-filters' });
  var results = element('ol', { class: 'search-results' });
  var more = element('button', { type: 'button', class: 'search-more', hidden: '' }, 'Show more results');
  root.append(form, filters, status, results, more);

  // A portable site (opened from a folder, file://) can't load Pagefind's index: its search page
  // names a script-loaded index of headlines, people, topics, sources and dates (search-disk.js),
  // used there, and wherever Pagefind fails to load.
  var disk = root.getAttribute('data-disk');
  var diskRun = null;
  var script = function (src) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement('script');
      tag.src = src;
      tag.onload = resolve;
      tag.onerror = function () { reject(new Error('could not load ' + src)); };
      document.head.append(tag);
    });
  };
  var diskSearch = function () {
    if (!diskRun) {
      status.textContent = 'Loading the index…';
      diskRun = script(root.getAttribute('data-minisearch')).then(function () { return script(disk); }).then(function () {
        return script(root.getAttribute('data-disk-search'));
      }).then(function () {
        return window.broadsheetDiskSearch(root, {
          element: element, script: script, form: form, filters: filters, status: status, results: results, more: more,
        });
      });
    }
    return diskRun;
  };
  var onDisk = !!disk && location.protocol === 'file:';

  // Loaded once, on the first search or the first filter opened.
  var ready;
  var pagefind = function () {
    if (!ready) {
      ready = import(bundles[0] + 'pagefind.js').then(function (api) {
        return api.options({ bundlePath: bundles[0] }).then(function () {
          return Promise.all(bundles.slice(1).map(function (b) { return api.mergeIndex(b); }));
        }).then(function () { return api; });
      });
    }
    return ready;
  };

  // What is chosen in each filter, and each filter's values once loaded.
  var chosen = {};
  var blocks = {};
  var counts = null;
  FILTERS.forEach(function (name) {
    var block = element('details', { class: 'search-filter' });
    var summary = element('summary', {}, name);
    var fieldset = element('fieldset');
    fieldset.append(element('legend', { class: 'visually-hidden' }, name));
    block.append(summary, fieldset);
    block.addEventListener('toggle', function () {
      if (block.open && !block.hasAttribute('data-loaded')) {
        block.setAttribute('data-loaded', '');
        pagefind().then(function (api) { return api.filters(); }).then(function (all) {
          counts = counts || all;
          fill(name);
        });
      }
    });
    blocks[name] = { block: block, fieldset: fieldset };
    filters.append(block);
  });

  // A filter's values, most frequent first (years newest first), with how many results each has.
  var fill = function (name) {
    var fieldset = blocks[name].fieldset;
    var values = (counts && counts[name]) || {};
    var names = Object.keys(values).filter(function (v) { return values[v] > 0 || (chosen[name] || []).indexOf(v) >= 0; });
    names.sort(name === 'Year' ? function (a, b) { return a < b ? 1 : -1; } : function (a, b) {
      return values[b] - values[a] || (a < b ? -1 : 1);
    });
    Array.prototype.slice.call(fieldset.querySelectorAll('label')).forEach(function (l) { l.remove(); });
    names.forEach(function (value) {
      var box = element('input', { type: 'checkbox', value: value });
      box.checked = (chosen[name] || []).indexOf(value) >= 0;
      box.addEventListener('change', function () {
        var list = (chosen[name] || []).filter(function (v) { return v !== value; });
        if (box.checked) list.push(value);
        chosen[name] = list;
        run();
      });
      var line = element('label', { class: 'search-filter-value' });
      line.append(box, ' ' + value + ' ', element('span', { class: 'search-filter-count' }, '(' + values[value] + ')'));
      fieldset.append(line);
    });
  };

  // Pagefind's excerpt is HTML: the indexed text with `<` escaped and the words found in <mark>. It is
  // parsed inert (a template runs nothing and loads nothing) and only its text and marks are kept.
  var marked = function (html) {
    var template = document.createElement('template');
    template.innerHTML = String(html || '');
    return Array.prototype.map.call(template.content.childNodes, function (node) {
      return node.nodeName === 'MARK' ? element('mark', {}, node.textContent) : document.createTextNode(node.textContent);
    });
  };

  var found = [];
  var shown = 0;
  var asked = 0;
  var show = function (ask) {
    var next = found.slice(shown, shown + PAGE);
    shown += next.length;
    more.hidden = shown >= found.length;
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (pages) {
      if (ask !== asked) return;
      pages.forEach(function (page) {
        var meta = page.meta || {};
        var item = element('li', { class: 'search-result' });
        var title = element('h2', { class: 'search-result-title' });
        // A portable site's links name their files, as its pages' do.
        var href = disk ? page.url.replace(/\/$/, '/index.html') : page.url;
        title.append(element('a', { class: 'search-result-link', href: href }, meta.title || page.url));
        var byline = element('p', { class: 'search-byline' });
        if (meta.date) byline.append(element('time', { datetime: meta.published || '' }, meta.date));
        if (meta.date && meta.source) byline.append(' · ');
        if (meta.source) byline.append(element('span', { class: 'search-source' }, meta.source));
        var excerpt = element('p', { class: 'search-excerpt' });
        excerpt.append.apply(excerpt, marked(page.excerpt));
        item.append(title, byline, excerpt);
        results.append(item);
      });
    });
  };

  var run = function () {
    var words = input.value.trim();
    if (onDisk) return diskSearch().then(function (search) { search(words); });
    var ask = ++asked;
    var picked = {};
    Object.keys(chosen).forEach(function (name) { if (chosen[name].length) picked[name] = { any: chosen[name] }; });
    var filtered = Object.keys(picked).length > 0;
    if (!words && !filtered) {
      results.textContent = '';
      status.textContent = '';
      more.hidden = true;
      return Promise.resolve();
    }
    status.textContent = 'Searching…';
    return pagefind().catch(function (error) {
      // Pagefind didn't load (a browser that won't fetch here): the script-loaded index, where there is one.
      if (!disk) throw error;
      onDisk = true;
      return null;
    }).then(function (api) {
      if (onDisk) return run();
      return api.search(words || null, { filters: picked });
    }).then(function (search) {
      if (!search) return;
      if (ask !== asked) return;
      found = search.results;
      shown = 0;
      results.textContent = '';
      var n = found.length;
      status.textContent = (n === 1 ? '1 result' : n + ' results') + (words ? ' for “' + words + '”' : '') + (filtered ? ', filtered' : '');
      if (search.filters && Object.keys(search.filters).length) {
        counts = search.filters;
        FILTERS.forEach(function (name) { if (blocks[name].block.hasAttribute('data-loaded')) fill(name); });
      }
      return show(ask);
    });
  };

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var url = new URL(location.href);
    url.searchParams.set('q', input.value.trim());
    history.replaceState(null, '', url);
    run();
  });
  more.addEventListener('click', function () { show(asked); });

  var q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    run();
  } else if (onDisk) diskSearch();
  else pagefind().catch(function () { return undefined; });
})();
