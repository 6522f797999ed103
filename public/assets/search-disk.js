// Search from a folder (a portable site opened as file://, where a page may load a <script> but may not
// fetch, so Pagefind's full-text index can't load). The build writes the archive's headlines, people
// quoted, topics, sources and dates as a script (search/disk-index.js); MiniSearch indexes them here,
// once, and the page searches them as the reader types or submits. Called by search.js.
window.broadsheetDiskSearch = function (root, parts) {
  var data = window.BROADSHEET_DISK_INDEX;
  var PAGE = 20;
  var element = parts.element;
  var rootPath = root.getAttribute('data-root') || '';
  var note = element('p', { class: 'note search-disk-note' },
    'Opened from a folder, this page searches headlines, the people quoted, topics, sources and dates. '
    + 'Searching the full text of every article needs the site served: run npm start, or put the folder on any web server.');
  root.insertBefore(note, parts.form.nextSibling);
  parts.filters.remove();

  var articles = data.articles;
  var engine = new window.MiniSearch({
    fields: ['headline', 'people', 'topics', 'source', 'date'],
    searchOptions: { boost: { headline: 2, people: 2 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  });
  var months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
    'November', 'December'];
  engine.addAll(articles.map(function (a, i) {
    var month = months[Number(a[2].slice(5, 7)) - 1] || '';
    return {
      id: i,
      headline: a[1],
      people: a[5].map(function (n) { return data.people[n]; }).join(' · '),
      topics: a[6].map(function (n) { return data.topics[n]; }).join(' · '),
      source: a[4] >= 0 ? data.sources[a[4]] : '',
      date: a[2] + ' ' + a[3] + ' ' + month + ' ' + a[2].slice(0, 4),
    };
  }));

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
      if (a[4] >= 0) byline.append(' · ', element('span', { class: 'search-source' }, data.sources[a[4]]));
      var people = a[5].map(function (n) { return data.people[n]; });
      var topics = a[6].map(function (n) { return data.topics[n]; });
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

  return function run(words) {
    parts.results.textContent = '';
    if (!words) {
      parts.status.textContent = '';
      parts.more.hidden = true;
      return;
    }
    found = engine.search(words);
    shown = 0;
    var n = found.length;
    parts.status.textContent = (n === 1 ? '1 result' : n + ' results') + ' for “' + words + '” in headlines, people, topics, sources and dates';
    show();
  };
};
