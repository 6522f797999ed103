// Search from a folder (a portable site opened as file://, where a page may load a <script> but may not
// fetch, so Pagefind's full-text index can't load). The build writes the archive's headlines, people
// quoted, topics, sources and dates as scripts (search/disk/names.js, then one per year); MiniSearch
// indexes them here, the newest year first, and the page answers from the years read so far, saying
// which are still to come. Called by search.js, with the script loader and the page's elements.
window.broadsheetDiskSearch = function (root, parts) {
  var names = window.BROADSHEET_DISK_NAMES;
  var PAGE = 20;
  var element = parts.element;
  var rootPath = root.getAttribute('data-root') || '';
  var folder = root.getAttribute('data-disk').replace(/[^/]*$/, '');
  var note = element('p', { class: 'note search-disk-note' },
    'Opened from a folder, this page searches headlines, the people quoted, topics, sources and dates. '
    + 'Searching the full text of every article needs the site served: run npm start, or put the folder on any web server.');
  root.insertBefore(note, parts.form.nextSibling);
  parts.filters.remove();

  var engine = new window.MiniSearch({
    fields: ['headline', 'people', 'topics', 'source', 'date'],
    searchOptions: { boost: { headline: 2, people: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  });
  var months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
    'November', 'December'];
  var articles = [];
  var read = 0;
  var words = '';

  var found = [];
  var shown = 0;
  var show = function () {
    found.slice(shown, shown + PAGE).forEach(function (hit) {
      var a = articles[hit.id];
      var item = element('li', { class: 'search-result' });
      var title = element('h2', { class: 'search-result-title' });
      title.append(element('a', { class: 'search-result-link', href: rootPath + a[0] + 'index.html' }, a[1]));
      var byline = element('p', { class: 'search-byline' });
      byline.append(element('time', { datetime: a[2] }, a[3]));
      if (a[4] >= 0) byline.append(' · ', element('span', { class: 'search-source' }, names.sources[a[4]]));
      var people = a[5].map(function (n) { return names.people[n]; });
      var topics = a[6].map(function (n) { return names.topics[n]; });
      var about = element('p', { class: 'search-excerpt' });
      if (people.length) about.append('Quoted: ' + people.slice(0, 4).join(', ') + (people.length > 4 ? ', …' : ''));
      if (people.length && topics.length) about.append(' · ');
      if (topics.length) about.append('Topics: ' + topics.slice(0, 4).join(', '));
      item.append(title, byline, about);
      parts.results.append(item);
    });
    shown = Math.min(found.length, shown + PAGE);
    parts.more.hidden = shown >= found.length;
  };
  parts.more.onclick = show;

  var answer = function () {
    parts.results.textContent = '';
    parts.more.hidden = true;
    if (!words || read === 0) {
      parts.status.textContent = read < names.years.length ? 'Reading the index…' : '';
      return;
    }
    found = engine.search(words);
    shown = 0;
    var n = found.length;
    var rest = names.years.slice(read);
    parts.status.textContent = (n === 1 ? '1 result' : n + ' results') + ' for “' + words + '” in headlines, people, topics, sources and dates'
      + (rest.length ? ' (still reading ' + (rest.length === 1 ? rest[0] : rest[rest.length - 1] + '–' + rest[0]) + ')' : '');
    show();
  };

  // The years one after another, newest first, each answered from as soon as it is indexed.
  var next = function () {
    if (read >= names.years.length) return;
    var year = names.years[read];
    parts.script(folder + year + '.js').then(function () {
      (window['BROADSHEET_DISK_' + year] || []).forEach(function (a) {
        var month = months[Number(a[2].slice(5, 7)) - 1] || '';
        engine.add({
          id: articles.length,
          headline: a[1],
          people: a[5].map(function (n) { return names.people[n]; }).join(' · '),
          topics: a[6].map(function (n) { return names.topics[n]; }).join(' · '),
          source: a[4] >= 0 ? names.sources[a[4]] : '',
          date: a[2] + ' ' + a[3] + ' ' + month + ' ' + year,
        });
        articles.push(a);
      });
      delete window['BROADSHEET_DISK_' + year];
      read++;
      answer();
      // The next year in a task of its own, so the answer so far is drawn first.
      setTimeout(next, 0);
    }, function () {
      parts.status.textContent = 'The index of ' + year + ' could not be read: search/disk/' + year + '.js is missing.';
    });
  };
  next();

  return function run(query) {
    words = query;
    answer();
  };
};
