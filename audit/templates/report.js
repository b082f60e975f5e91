/* corpus-audit report viewer. Data comes from the JSON block #audit-data; every string from the
   corpus is treated as untrusted: the DOM is built with createElement/textContent only, never
   innerHTML, and links are built from numeric indices only. */
(function () {
  'use strict';

  var D = JSON.parse(document.getElementById('audit-data').textContent);
  var CATS = D.cats, SEVS = D.sevs, RULES = D.rules, DOCS = D.docs, CLUSTERS = D.clusters;
  var RULE = 0, CAT = 1, SEV = 2, S = 3, E = 4, MSG = 5, REL = 6, DATA = 7;
  var PAGE = 50;
  var COLOUR_VAR = { duplicate: 'var(--dup)', language: 'var(--lang)', artefact: 'var(--art)', sourcing: 'var(--src)' };

  // ------------------------------------------------------------------ DOM helpers (no innerHTML)
  function h(tag, props) {
    var el = document.createElement(tag);
    if (props) {
      for (var k in props) {
        var v = props[k];
        if (v === null || v === undefined || v === false) continue;
        if (k === 'text') el.textContent = String(v);
        else if (k === 'class') el.className = v;
        else if (k === 'style') { for (var p in v) el.style.setProperty(p, v[p]); }
        else if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (var i = 2; i < arguments.length; i++) add(el, arguments[i]);
    return el;
  }
  function add(el, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { for (var i = 0; i < child.length; i++) add(el, child[i]); return; }
    el.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }
  function fmt(n) { return typeof n === 'number' ? n.toLocaleString('en-US') : String(n); }
  function catStyle(c) { return { '--c': COLOUR_VAR[CATS[c]] || 'var(--accent)' }; }

  // Invisible, bidi and other control characters are shown as visible badges so a document
  // cannot hide text or reorder what the reader sees.
  // (a valid surrogate pair is matched by the second alternative and left alone; no lookbehind,
  // so older engines parse this too)
  var CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]|([\ud800-\udbff][\udc00-\udfff])|[\ud800-\udfff]/g;
  function visibleText(parent, s) {
    CONTROL.lastIndex = 0;
    var pos = 0, m;
    while ((m = CONTROL.exec(s)) !== null) {
      if (m[1]) continue;
      if (m.index > pos) parent.appendChild(document.createTextNode(s.slice(pos, m.index)));
      var code = 'U+' + m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      parent.appendChild(h('span', { class: 'cc', title: code + ' (invisible or control character)' }, code));
      pos = m.index + m[0].length;
    }
    if (pos < s.length) parent.appendChild(document.createTextNode(pos ? s.slice(pos) : s));
    return parent;
  }
  function idNode(s, tag) { return visibleText(h(tag || 'bdi', { class: 'uid' }), String(s)); }
  function docLink(i, s, e, label) {
    var href = '#doc/' + i + (s !== undefined && s !== null ? '/' + s + '-' + e : '');
    return h('a', { href: href }, label !== undefined ? label : idNode(DOCS[i].id));
  }
  function sevBadge(sev) { return h('span', { class: 'sev-badge ' + SEVS[sev] }, SEVS[sev]); }
  function verdictBadge(v) { return h('span', { class: 'verdict ' + v }, v); }
  function isWhole(d, f) { return f[S] <= 0 && f[E] >= d.chars; }

  // ------------------------------------------------------------------ text access (code points -> UTF-16)
  // Offsets in the data are Python code-point offsets (as in report.json); JS strings are UTF-16.
  function cpMap(str) {
    if (!/[\ud800-\udfff]/.test(str)) return null;
    var map = [0], cu = 0;
    while (cu < str.length) {
      var c = str.charCodeAt(cu);
      cu += (c >= 0xd800 && c <= 0xdbff && cu + 1 < str.length && (str.charCodeAt(cu + 1) & 0xfc00) === 0xdc00) ? 2 : 1;
      map.push(cu);
    }
    return map;
  }
  function pieceInfo(p) {
    if (!p.info) {
      var map = cpMap(p[1]);
      p.info = { map: map, len: map ? map.length - 1 : p[1].length };
    }
    return p.info;
  }
  function sliceCp(p, a, b) {  // a, b: code-point offsets relative to the piece
    var info = pieceInfo(p);
    return info.map ? p[1].slice(info.map[a], info.map[b]) : p[1].slice(a, b);
  }
  // Text of [s, e) from the embedded pieces; parts not embedded come back as {gap: n}.
  function textRange(d, s, e) {
    var out = [], pos = s;
    if (!d.t) return [{ gap: e - s }];
    for (var i = 0; i < d.t.length && pos < e; i++) {
      var p = d.t[i], ps = p[0], pe = ps + pieceInfo(p).len;
      if (pe <= pos) continue;
      if (ps >= e) break;
      if (ps > pos) { out.push({ gap: ps - pos }); pos = ps; }
      var b = Math.min(e, pe);
      out.push({ s: pos, text: sliceCp(p, pos - ps, b - ps) });
      pos = b;
    }
    if (pos < e) out.push({ gap: e - pos });
    return out;
  }

  var lowerCache = [];
  function searchable(i) {
    if (lowerCache[i] === undefined) {
      var d = DOCS[i], parts = [d.id.toLowerCase()];
      if (d.t) for (var k = 0; k < d.t.length; k++) parts.push(d.t[k][1].toLowerCase());
      lowerCache[i] = parts.join('\u0000');
    }
    return lowerCache[i];
  }

  // ------------------------------------------------------------------ views and routing
  var views = {
    overview: document.getElementById('view-overview'),
    docs: document.getElementById('view-docs'),
    doc: document.getElementById('view-doc'),
    dups: document.getElementById('view-dups')
  };
  var pop = document.getElementById('pop');
  var live = document.getElementById('live');

  function show(name, tab) {
    for (var k in views) views[k].hidden = k !== name;
    var links = document.querySelectorAll('.tabs a');
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute('data-view') === tab) links[i].setAttribute('aria-current', 'page');
      else links[i].removeAttribute('aria-current');
    }
    hidePop(true);
  }

  function parseHash() {
    var raw = location.hash.replace(/^#/, '');
    var q = raw.indexOf('?');
    var path = q < 0 ? raw : raw.slice(0, q);
    var params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
    return { parts: path.split('/'), params: params };
  }

  function route() {
    var r = parseHash(), v = r.parts[0] || 'overview';
    if (v === 'docs') { show('docs', 'docs'); showDocs(r.params); }
    else if (v === 'doc') {
      show('doc', 'docs');
      var span = /^(\d+)-(\d+)$/.exec(r.parts[2] || '');
      showDoc(parseInt(r.parts[1], 10), span ? [parseInt(span[1], 10), parseInt(span[2], 10)] : null);
    }
    else if (v === 'dups') { show('dups', 'dups'); showDups(r.params); }
    else if (v === 'dup') { show('dups', 'dups'); showCluster(parseInt(r.parts[1], 10), r.params); }
    else {
      show('overview', 'overview');
      var target = v !== 'overview' ? document.getElementById(v) : null;
      if (target && views.overview.contains(target)) target.scrollIntoView();
      else window.scrollTo(0, 0);
    }
    document.documentElement.setAttribute('data-view', v);
  }

  // ------------------------------------------------------------------ document list with filters
  var listState = { built: false, controls: {}, results: [], page: 0 };
  var FILTERS = ['cat', 'sev', 'rule', 'lang', 'src', 'verdict', 'has', 'q', 'sort'];

  function distinct(key) {
    var counts = {};
    for (var i = 0; i < DOCS.length; i++) { var v = DOCS[i][key]; counts[v] = (counts[v] || 0) + 1; }
    return Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (a < b ? -1 : 1); })
      .map(function (k) { return [k, k + ' (' + fmt(counts[k]) + ')']; });
  }
  function select(name, label, options) {
    var s = h('select', { name: name, id: 'f-' + name });
    s.appendChild(h('option', { value: '' }, 'any'));
    for (var i = 0; i < options.length; i++) s.appendChild(h('option', { value: options[i][0] }, options[i][1]));
    listState.controls[name] = s;
    return h('label', { for: 'f-' + name }, label, s);
  }

  function buildDocs() {
    var v = views.docs;
    var q = h('input', { type: 'search', id: 'f-q', name: 'q', placeholder: 'document id or text…', autocomplete: 'off', spellcheck: 'false' });
    listState.controls.q = q;
    var sort = h('select', { id: 'f-sort', name: 'sort' },
      h('option', { value: '' }, 'worst first'), h('option', { value: 'id' }, 'id'),
      h('option', { value: 'findings' }, 'most findings'), h('option', { value: 'chars' }, 'longest'));
    listState.controls.sort = sort;
    var form = h('form', { class: 'filters panel', role: 'search', 'aria-label': 'Filter documents', onsubmit: function (ev) { ev.preventDefault(); } },
      h('label', { for: 'f-q' }, 'search', q),
      select('cat', 'category', CATS.map(function (c, i) { return [String(i), c]; })),
      select('sev', 'severity at least', [['2', 'error'], ['1', 'warning'], ['0', 'info']]),
      select('rule', 'rule', RULES.map(function (r, i) { return [String(i), r]; })),
      select('lang', 'language', distinct('lang')),
      select('src', 'source', distinct('src')),
      select('verdict', 'verdict', [['drop', 'drop'], ['review', 'review'], ['keep', 'keep']]),
      select('has', 'findings', [['1', 'with findings'], ['0', 'without findings']]),
      h('label', { for: 'f-sort' }, 'sort', sort),
      h('button', { type: 'button', id: 'f-clear', onclick: function () { location.hash = '#docs'; } }, 'Clear'));
    var timer = null;
    form.addEventListener('input', function (ev) {
      clearTimeout(timer);
      timer = setTimeout(function () { listState.page = 0; syncHash(); renderList(); }, ev.target === q ? 150 : 0);
    });
    listState.count = h('div', { id: 'resultcount', role: 'status' });
    listState.pager = h('div', { class: 'pager' });
    listState.tbody = h('tbody');
    var table = h('table', { class: 'data', id: 'doclist' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'document'), h('th', { scope: 'col' }, 'source'),
        h('th', { scope: 'col' }, 'lang'), h('th', { scope: 'col' }, 'verdict'), h('th', { scope: 'col' }, 'findings'),
        h('th', { scope: 'col' }, 'most serious finding'),
        h('th', { scope: 'col', class: 'r' }, 'chars'), h('th', { scope: 'col', class: 'r' }, 'score'))),
      listState.tbody);
    add(v, [h('h1', { id: 'h-docs', class: 'visually-hidden' }, 'Documents'), form,
      h('div', { class: 'resultbar' }, listState.count,
        h('span', { class: 'small muted' }, 'findings by category: ', CATS.map(function (c) { return h('span', { class: 'chip cat-' + c }, c); })),
        listState.pager),
      h('div', { class: 'panel scroll' }, table),
      h('p', { class: 'small muted' }, 'Keys: / search · [ and ] previous/next document · n and p next/previous finding · Esc closes a popup. Text search covers the text embedded in this page (' +
        fmt(D.text_policy.full) + ' full texts, ' + fmt(D.text_policy.excerpt) + ' excerpts).')]);
    listState.built = true;
  }

  function listHash() {
    if (!listState.built) return '#docs';
    var params = new URLSearchParams();
    FILTERS.forEach(function (k) { var c = listState.controls[k]; if (c && c.value) params.set(k, c.value); });
    if (listState.page) params.set('page', String(listState.page + 1));
    var s = params.toString();
    return '#docs' + (s ? '?' + s : '');
  }
  function syncHash() { history.replaceState(null, '', listHash()); }
  var defaultOrder = null;
  function defaultResults() {  // the unfiltered list, worst first (for [ and ] before the list was opened)
    if (!defaultOrder) {
      defaultOrder = DOCS.map(function (_, i) { return i; });
      defaultOrder.sort(function (a, b) { return DOCS[b].score - DOCS[a].score || (DOCS[a].id < DOCS[b].id ? -1 : DOCS[a].id > DOCS[b].id ? 1 : a - b); });
    }
    return defaultOrder;
  }

  function currentFilter() {
    var c = listState.controls, f = {};
    f.cat = c.cat.value === '' ? -1 : +c.cat.value;
    f.sev = c.sev.value === '' ? -1 : +c.sev.value;
    f.rule = c.rule.value === '' ? -1 : +c.rule.value;
    f.lang = c.lang.value; f.src = c.src.value; f.verdict = c.verdict.value; f.has = c.has.value;
    f.q = c.q.value.trim().toLowerCase();
    f.sort = c.sort.value;
    return f;
  }

  function docMatches(i, f) {
    var d = DOCS[i];
    if (f.lang && d.lang !== f.lang) return false;
    if (f.src && d.src !== f.src) return false;
    if (f.verdict && d.verdict !== f.verdict) return false;
    if (f.has === '1' && !d.f.length) return false;
    if (f.has === '0' && d.f.length) return false;
    if (f.cat >= 0 || f.sev >= 0 || f.rule >= 0) {
      var ok = false;
      for (var k = 0; k < d.f.length && !ok; k++) {
        var x = d.f[k];
        ok = (f.cat < 0 || x[CAT] === f.cat) && (f.sev < 0 || x[SEV] >= f.sev) && (f.rule < 0 || x[RULE] === f.rule);
      }
      if (!ok) return false;
    }
    if (f.q && searchable(i).indexOf(f.q) < 0) return false;
    return true;
  }

  function findingMatches(x, f) {
    return (f.cat < 0 || x[CAT] === f.cat) && (f.sev < 0 || x[SEV] >= f.sev) && (f.rule < 0 || x[RULE] === f.rule);
  }

  function showDocs(params) {
    if (!listState.built) buildDocs();
    FILTERS.forEach(function (k) {
      var c = listState.controls[k], val = params.get(k) || '';
      if (k === 'rule' && val && !/^\d+$/.test(val)) val = String(RULES.indexOf(val));  // #docs?rule=DUP001
      if (k === 'cat' && val && !/^\d+$/.test(val)) val = String(CATS.indexOf(val));
      if (c.tagName === 'SELECT' && !Array.prototype.some.call(c.options, function (o) { return o.value === val; })) val = '';
      c.value = val;
    });
    listState.page = Math.max(0, (parseInt(params.get('page') || '1', 10) || 1) - 1);
    renderList();
  }

  function renderList() {
    var f = currentFilter(), res = [];
    for (var i = 0; i < DOCS.length; i++) if (docMatches(i, f)) res.push(i);
    var cmp;
    if (f.sort === 'id') cmp = function (a, b) { return DOCS[a].id < DOCS[b].id ? -1 : DOCS[a].id > DOCS[b].id ? 1 : a - b; };
    else if (f.sort === 'findings') cmp = function (a, b) { return DOCS[b].f.length - DOCS[a].f.length || a - b; };
    else if (f.sort === 'chars') cmp = function (a, b) { return DOCS[b].chars - DOCS[a].chars || a - b; };
    else cmp = function (a, b) { return DOCS[b].score - DOCS[a].score || (DOCS[a].id < DOCS[b].id ? -1 : DOCS[a].id > DOCS[b].id ? 1 : a - b); };
    res.sort(cmp);
    listState.results = res;
    listState.filter = f;
    var pages = Math.max(1, Math.ceil(res.length / PAGE));
    if (listState.page >= pages) listState.page = pages - 1;
    var from = listState.page * PAGE, to = Math.min(res.length, from + PAGE);
    var tb = clear(listState.tbody);
    var frag = document.createDocumentFragment();
    for (var r = from; r < to; r++) frag.appendChild(docRow(res[r], f));
    tb.appendChild(frag);
    if (!res.length) tb.appendChild(h('tr', null, h('td', { colspan: '8', class: 'muted' }, 'No document matches these filters.')));
    listState.count.textContent = fmt(res.length) + ' of ' + fmt(DOCS.length) + ' documents' + (res.length ? ' · showing ' + fmt(from + 1) + '–' + fmt(to) : '') +
      (D.omitted ? ' · ' + fmt(D.omitted) + ' more documents with the fewest findings are only in report.json' : '');
    var pg = clear(listState.pager);
    add(pg, [
      h('button', { type: 'button', id: 'prevpage', disabled: listState.page === 0, onclick: function () { listState.page--; syncHash(); renderList(); } }, '‹ previous'),
      h('span', { class: 'small muted' }, 'page ' + fmt(listState.page + 1) + ' of ' + fmt(pages)),
      h('button', { type: 'button', id: 'nextpage', disabled: listState.page >= pages - 1, onclick: function () { listState.page++; syncHash(); renderList(); } }, 'next ›')]);
  }

  function docRow(i, f) {
    var d = DOCS[i], per = [0, 0, 0, 0], top = null;
    for (var k = 0; k < d.f.length; k++) {
      var x = d.f[k];
      per[x[CAT]]++;
      if (findingMatches(x, f) && (!top || x[SEV] > top[SEV])) top = x;
    }
    var msg = top ? top[MSG] : '';
    if (msg.length > 90) msg = msg.slice(0, 89) + '…';
    var chips = [];
    for (var c = 0; c < CATS.length; c++) if (per[c]) chips.push(h('span', { class: 'chip cat-' + CATS[c], title: CATS[c] }, fmt(per[c])));
    if (!chips.length) chips.push(h('span', { class: 'muted' }, '–'));
    return h('tr', { class: d.f.length ? null : 'clean', 'data-doc': String(i) },
      h('td', { class: 'idcell' }, docLink(i)),
      h('td', { class: 'idcell' }, idNode(d.src)),
      h('td', { class: 'mono' }, idNode(d.lang)),
      h('td', null, verdictBadge(d.verdict)),
      h('td', null, chips),
      h('td', { class: 'topf' }, top ? [h('span', { class: 'mono small' }, RULES[top[RULE]]), ' ', visibleText(h('span'), msg)] : null),
      h('td', { class: 'r' }, fmt(d.chars)),
      h('td', { class: 'r' }, fmt(d.score)));
  }

  // ------------------------------------------------------------------ document view
  var docState = { i: -1, segs: [], marks: [], firstMark: [], hidden: {} };

  function showDoc(i, target) {
    var v = clear(views.doc), d = DOCS[i];
    if (!d) { add(v, h('p', { class: 'notice' }, 'No such document.')); return; }
    docState.i = i;
    var whole = [], inline = [];
    for (var k = 0; k < d.f.length; k++) (isWhole(d, d.f[k]) && d.chars > 0 || d.chars === 0 ? whole : inline).push(k);

    // navigation within the current list
    var list = listState.built ? listState.results : defaultResults();
    var pos = list ? list.indexOf(i) : -1;
    var nav = h('div', { class: 'pager' }, h('a', { href: listHash(), id: 'backlink' }, '← documents'));
    if (pos >= 0) {
      add(nav, [
        h('a', { href: pos > 0 ? '#doc/' + list[pos - 1] : null, id: 'prevdoc', 'aria-disabled': pos > 0 ? null : 'true', class: pos > 0 ? null : 'muted' }, '‹ previous'),
        h('span', { class: 'small muted' }, fmt(pos + 1) + ' of ' + fmt(list.length)),
        h('a', { href: pos < list.length - 1 ? '#doc/' + list[pos + 1] : null, id: 'nextdoc', 'aria-disabled': pos < list.length - 1 ? null : 'true', class: pos < list.length - 1 ? null : 'muted' }, 'next ›')]);
    }
    var langbar = h('span', { class: 'langbar', title: Object.keys(d.langs).map(function (l) { return l + ' ' + Math.round(d.langs[l] * 100) + '%'; }).join(', ') });
    Object.keys(d.langs).forEach(function (l) { langbar.appendChild(h('span', { style: { width: (d.langs[l] * 100).toFixed(1) + '%' } })); });
    var meta = h('div', { class: 'meta' },
      h('span', null, 'source ', h('b', null, idNode(d.src || '–'))),
      h('span', null, 'language ', h('b', null, idNode(d.lang)), ' ', Object.keys(d.langs).length ? langbar : null,
        Object.keys(d.langs).length > 1 ? h('span', { class: 'small' }, ' ' + Object.keys(d.langs).map(function (l) { return l + ' ' + Math.round(d.langs[l] * 100) + '%'; }).join(' · ')) : null),
      h('span', null, 'verdict ', verdictBadge(d.verdict)),
      h('span', null, h('b', null, fmt(d.chars)), ' characters'),
      h('span', null, h('b', null, fmt(d.f.length)), ' findings · score ', h('b', null, fmt(d.score))));

    var inClusters = clustersOf(i);
    if (inClusters.length) {
      meta.appendChild(h('span', null, 'in cluster' + (inClusters.length > 1 ? 's ' : ' '), inClusters.slice(0, 8).map(function (ck, n) {
        var c = CLUSTERS[ck];
        return [n ? ', ' : '', h('a', { href: '#dup/' + ck }, idNode(c.id)), c.kept[0] === i ? ' (kept copy)' : ''];
      }), inClusters.length > 8 ? ' +' + (inClusters.length - 8) : ''));
    }
    var present = {};
    d.f.forEach(function (x) { present[x[CAT]] = (present[x[CAT]] || 0) + 1; });
    var legend = h('div', { class: 'legendbar', role: 'group', 'aria-label': 'Highlight categories' });
    Object.keys(present).sort().forEach(function (c) {
      var cb = h('input', { type: 'checkbox', checked: !docState.hidden[c], 'data-cat': c,
        onchange: function () { docState.hidden[c] = !this.checked; renderText(d, textBox, inline, target); } });
      legend.appendChild(h('label', { class: 'cat-' + CATS[c], style: catStyle(+c) }, cb, CATS[c] + ' (' + fmt(present[c]) + ')'));
    });

    var banners = whole.map(function (k) {
      var x = d.f[k];
      return h('div', { class: 'banner', style: catStyle(x[CAT]) }, sevBadge(x[SEV]), ' ', h('b', { class: 'mono' }, RULES[x[RULE]]),
        ' · whole document · ', x[MSG], relatedNodes(x));
    });
    var textBox = h('div', { class: 'doctext', id: 'doctext', tabindex: '-1' });
    if (whole.length) { textBox.classList.add('wholedoc'); textBox.style.setProperty('--c', COLOUR_VAR[CATS[d.f[whole[0]][CAT]]]); }
    var notes = [];
    if (!d.t) notes.push(h('p', { class: 'notice' }, d.chars === 0 ? 'This document is empty.' :
      'The text of this document is not embedded in this page (text budget; see the note at the bottom of the overview). Its findings are listed on the right and in report.json.'));
    else if (d.tm === 'excerpt') notes.push(h('p', { class: 'small muted' }, 'Only excerpts around the findings are embedded for this document; omitted stretches are marked.'));

    var flist = h('ul', { class: 'flist', id: 'flist', 'aria-label': 'Findings' });
    var order = d.f.map(function (_, k) { return k; });
    order.forEach(function (k) { flist.appendChild(findingItem(d, k, whole.indexOf(k) >= 0)); });
    if (!d.f.length) flist.appendChild(h('li', { class: 'muted' }, 'No findings.'));

    add(v, [h('div', { class: 'dochead' }, h('h1', { id: 'h-doc' }, idNode(d.id)), nav), meta, legend, banners,
      h('div', { class: 'docgrid' }, h('div', { class: 'panel' }, notes, d.t ? textBox : null),
        h('aside', { class: 'panel', 'aria-label': 'Findings in this document' }, h('h2', null, 'Findings ', h('span', { class: 'muted small' }, fmt(d.f.length))), flist))]);
    if (d.t) renderText(d, textBox, inline, target);
    window.scrollTo(0, 0);
    if (target) revealTarget(target);
    live.textContent = 'Document ' + d.id + ', ' + d.f.length + ' findings';
  }

  var clusterIndex = null;
  function clustersOf(i) {
    if (!clusterIndex) {
      clusterIndex = {};
      CLUSTERS.forEach(function (c, k) {
        [c.kept].concat(c.members).forEach(function (m) {
          var list = clusterIndex[m[0]] = clusterIndex[m[0]] || [];
          if (m[0] >= 0 && list[list.length - 1] !== k) list.push(k);
        });
      });
    }
    return clusterIndex[i] || [];
  }

  function relatedNodes(x) {
    var rel = x[REL];
    if (!rel) return null;
    return h('div', { class: 'rel' }, rel.slice(0, 20).map(function (r, n) {
      var label = [idNode(r[1]), ' [' + r[2] + ':' + r[3] + ']', r[4] !== null ? ' · similarity ' + r[4].toFixed(2) : ''];
      return [n ? h('br') : null, '→ ', r[0] >= 0 ? docLink(r[0], r[2], r[3], label) : h('span', { title: 'not in this report' }, label)];
    }), rel.length > 20 ? h('div', { class: 'muted' }, '… ' + (rel.length - 20) + ' more in report.json') : null);
  }
  function dataNodes(x) {
    var data = x[DATA];
    if (!data) return null;
    return h('div', { class: 'kv' }, Object.keys(data).slice(0, 12).map(function (k) {
      var val = data[k];
      return h('span', null, visibleText(h('span'), k + '=' + (typeof val === 'number' ? String(Math.round(val * 1e4) / 1e4) : String(val))), ' ');
    }));
  }

  function findingItem(d, k, whole) {
    var x = d.f[k];
    var go = h('button', { type: 'button', class: 'goto', 'data-k': String(k), title: whole ? 'applies to the whole document' : 'show in text',
      onclick: function () { if (!whole) focusFinding(k); } }, RULES[x[RULE]]);
    return h('li', { id: 'f-' + k, style: catStyle(x[CAT]), 'data-k': String(k) },
      h('div', { class: 'fhead' }, go, sevBadge(x[SEV]), h('span', { class: 'small muted' }, CATS[x[CAT]]),
        h('span', { class: 'where' }, whole ? 'whole document' : x[S] + '–' + x[E])),
      h('p', { class: 'msg' }, visibleText(h('span'), x[MSG])), relatedNodes(x), dataNodes(x));
  }

  // Split the embedded text at every span boundary; each segment carries the findings covering it.
  function renderText(d, box, inline, target) {
    clear(box);
    hidePop(true);
    var fs = inline.filter(function (k) { return !docState.hidden[d.f[k][CAT]]; });
    var segs = docState.segs = [], marks = docState.marks = [], first = docState.firstMark = {};
    var prevEnd = 0;
    var frag = document.createDocumentFragment();
    d.t.forEach(function (p, pi) {
      var ps = p[0], pe = ps + pieceInfo(p).len;
      if (ps > prevEnd) frag.appendChild(h('span', { class: 'gap' }, '… ' + fmt(ps - prevEnd) + ' characters not embedded …'));
      // boundary events inside this piece
      var points = [ps, pe], events = [];
      fs.forEach(function (k) {
        var x = d.f[k], s = x[S], e = x[E];
        if (e < ps || s > pe || (e === s && (s < ps || s >= pe && pi < d.t.length - 1))) return;
        var a = Math.max(s, ps), b = Math.min(e, pe);
        if (a === b && s !== e) return;
        points.push(a, b);
        events.push([a, b, k]);
      });
      if (target && target[1] > ps && target[0] < pe) { points.push(Math.max(target[0], ps), Math.min(target[1], pe)); }
      points = Array.from(new Set(points)).sort(function (a, b) { return a - b; });
      events.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
      var active = [], ev = 0;
      for (var n = 0; n < points.length; n++) {
        var a = points[n], b = n + 1 < points.length ? points[n + 1] : a;
        // point findings (zero length) at a
        active = active.filter(function (t) { return t[1] > a; });
        var points0 = [];
        while (ev < events.length && events[ev][0] <= a) {
          if (events[ev][0] === events[ev][1]) points0.push(events[ev][2]); else if (events[ev][1] > a) active.push(events[ev]);
          ev++;
        }
        points0.forEach(function (k) { frag.appendChild(segment(d, a, a, [k], true)); });
        if (b <= a) continue;
        var text = sliceCp(p, a - ps, b - ps);
        var inTarget = target && a >= target[0] && b <= target[1];
        if (!active.length) {
          if (inTarget) frag.appendChild(h('mark', { class: 'tgt' }, visibleText(document.createDocumentFragment(), text)));
          else visibleText(frag, text);
        } else {
          var seg = segment(d, a, b, active.map(function (t) { return t[2]; }), false, text);
          if (inTarget) seg.classList.add('tgt');
          frag.appendChild(seg);
        }
      }
      prevEnd = pe;
    });
    if (prevEnd < d.chars) frag.appendChild(h('span', { class: 'gap' }, '… ' + fmt(d.chars - prevEnd) + ' characters not embedded …'));
    box.appendChild(frag);

    function segment(d, a, b, ks, point, text) {
      ks.sort(function (p, q) { return (d.f[p][E] - d.f[p][S]) - (d.f[q][E] - d.f[q][S]) || d.f[q][SEV] - d.f[p][SEV]; });
      var inner = d.f[ks[0]], cats = [];
      ks.forEach(function (k) { var c = d.f[k][CAT]; if (cats.indexOf(c) < 0) cats.push(c); });
      var starts = ks.some(function (k) { return d.f[k][S] === a || (a === d.t[0][0] && d.f[k][S] < a); });
      var j = segs.length;
      segs.push({ s: a, e: b, ks: ks });
      var m = h('mark', { class: 'hl k-' + CATS[inner[CAT]] + (ks.length > 1 ? ' deep' : '') + (point ? ' pt' : ''), 'data-seg': String(j),
        'data-s': String(a), 'data-e': String(b), 'data-k': ks.join(' '), tabindex: starts ? '0' : '-1',
        'aria-label': point ? RULES[inner[RULE]] + ' here' : null });
      if (point) m.textContent = '\u2038';
      else visibleText(m, text);
      // one underline stripe per category present
      var shadows = cats.map(function (c, n) { return 'inset 0 -' + (2 * (n + 1)) + 'px 0 ' + COLOUR_VAR[CATS[c]]; });
      m.style.boxShadow = shadows.reverse().join(', ');
      marks.push(m);
      ks.forEach(function (k) { if (first[k] === undefined) first[k] = m; });
      return m;
    }
  }

  function revealTarget(target) {
    var box = document.getElementById('doctext');
    if (!box) return;
    var el = box.querySelector('mark.tgt');
    if (!el) {
      box.parentNode.insertBefore(h('p', { class: 'notice', id: 'tgtnote' }, 'The linked span ' + target[0] + '–' + target[1] + ' is not in the text embedded in this page.'), box);
      return;
    }
    scrollIntoBox(el);
  }

  function scrollIntoBox(el) {
    var box = document.getElementById('doctext');
    if (box) box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 3;
    var r = el.getBoundingClientRect();
    if (r.top < 60 || r.bottom > window.innerHeight) el.scrollIntoView({ block: 'center' });
  }

  function focusFinding(k) {
    var m = docState.firstMark[k];
    var items = document.querySelectorAll('#flist li.sel');
    for (var i = 0; i < items.length; i++) items[i].classList.remove('sel');
    var li = document.getElementById('f-' + k);
    if (li) li.classList.add('sel');
    if (!m) { live.textContent = 'This finding is not in the embedded text or its category is hidden.'; return; }
    scrollIntoBox(m);
    m.focus({ preventScroll: true });
    m.classList.remove('flash'); void m.offsetWidth; m.classList.add('flash');
    showPop(m, false);
    docState.current = k;
  }

  // ------------------------------------------------------------------ popover (hover, focus, click)
  var popFor = null, popPinned = false, hideTimer = null;
  function showPop(mark, pin) {
    clearTimeout(hideTimer);
    var d = DOCS[docState.i], seg = docState.segs[+mark.getAttribute('data-seg')];
    if (!d || !seg) return;
    if (popFor && popFor !== mark) popFor.classList.remove('sel');
    popFor = mark; popPinned = !!pin;
    mark.classList.add('sel');
    clear(pop);
    var ks = seg.ks.slice().sort(function (p, q) { return d.f[q][SEV] - d.f[p][SEV]; });
    ks.forEach(function (k) {
      var x = d.f[k];
      pop.appendChild(h('div', { class: 'pf', style: catStyle(x[CAT]) },
        h('div', { class: 'fhead' }, sevBadge(x[SEV]), ' ', h('b', { class: 'mono' }, RULES[x[RULE]]), ' ', h('span', { class: 'muted small' }, CATS[x[CAT]] + ' · ' + x[S] + '–' + x[E])),
        h('div', null, visibleText(h('span'), x[MSG])), relatedNodes(x), dataNodes(x)));
    });
    if (pin) pop.appendChild(h('div', { class: 'small muted' }, 'Esc closes'));
    pop.hidden = false;
    mark.setAttribute('aria-describedby', 'pop');
    var r = mark.getBoundingClientRect();
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - pop.offsetWidth - 8));
    var top = r.bottom + window.scrollY + 6;
    if (r.bottom + pop.offsetHeight + 12 > window.innerHeight && r.top > pop.offsetHeight + 12) top = r.top + window.scrollY - pop.offsetHeight - 6;
    pop.style.left = left + 'px';
    pop.style.top = top + 'px';
  }
  function hidePop(now) {
    clearTimeout(hideTimer);
    var go = function () {
      pop.hidden = true; popPinned = false;
      if (popFor) { popFor.classList.remove('sel'); popFor.removeAttribute('aria-describedby'); }
      popFor = null;
    };
    if (now === true) go(); else hideTimer = setTimeout(go, 250);
  }
  views.doc.addEventListener('mouseover', function (ev) {
    var m = ev.target.closest && ev.target.closest('mark.hl');
    if (m && !popPinned) showPop(m, false);
  });
  views.doc.addEventListener('mouseout', function (ev) {
    var m = ev.target.closest && ev.target.closest('mark.hl');
    if (m && !popPinned && !(ev.relatedTarget && (pop.contains(ev.relatedTarget) || m.contains(ev.relatedTarget)))) hidePop();
  });
  views.doc.addEventListener('focusin', function (ev) {
    var m = ev.target.closest && ev.target.closest('mark.hl');
    if (m) showPop(m, false);
  });
  views.doc.addEventListener('focusout', function (ev) {
    var m = ev.target.closest && ev.target.closest('mark.hl');
    if (m && !popPinned && !(ev.relatedTarget && pop.contains(ev.relatedTarget))) hidePop();
  });
  views.doc.addEventListener('click', function (ev) {
    var m = ev.target.closest && ev.target.closest('mark.hl');
    if (m) { showPop(m, true); selectItems(m); }
  });
  views.doc.addEventListener('keydown', function (ev) {
    var m = ev.target.closest && ev.target.closest('mark.hl');
    if (m && (ev.key === 'Enter' || ev.key === ' ')) {
      ev.preventDefault();
      showPop(m, true); selectItems(m);
      var link = pop.querySelector('a');
      if (link) link.focus();
    }
  });
  pop.addEventListener('mouseover', function () { clearTimeout(hideTimer); });
  pop.addEventListener('mouseout', function (ev) { if (!popPinned && !(ev.relatedTarget && pop.contains(ev.relatedTarget))) hidePop(); });
  pop.addEventListener('focusout', function (ev) { if (!(ev.relatedTarget && pop.contains(ev.relatedTarget))) { if (!popPinned) hidePop(); } });
  document.addEventListener('click', function (ev) {
    if (popPinned && !pop.contains(ev.target) && !(ev.target.closest && ev.target.closest('mark.hl'))) hidePop(true);
  });
  function selectItems(m) {
    var items = document.querySelectorAll('#flist li.sel');
    for (var i = 0; i < items.length; i++) items[i].classList.remove('sel');
    var first = null;
    (m.getAttribute('data-k') || '').split(' ').forEach(function (k) {
      var li = document.getElementById('f-' + k);
      if (li) { li.classList.add('sel'); first = first || li; }
    });
    if (first) {
      var list = document.getElementById('flist');
      list.scrollTop += first.getBoundingClientRect().top - list.getBoundingClientRect().top - 20;
    }
  }

  // ------------------------------------------------------------------ duplicates
  var dupState = { built: false };
  function showDups(params) {
    var v = clear(views.dups);
    var kind = params.get('kind') || '', level = params.get('level') || '';
    var page = Math.max(0, (parseInt(params.get('page') || '1', 10) || 1) - 1);
    var res = [];
    for (var k = 0; k < CLUSTERS.length; k++) {
      var c = CLUSTERS[k];
      if ((!kind || c.kind === kind) && (!level || c.level === level)) res.push(k);
    }
    res.sort(function (a, b) { return CLUSTERS[b].size - CLUSTERS[a].size || a - b; });
    var pages = Math.max(1, Math.ceil(res.length / PAGE));
    page = Math.min(page, pages - 1);
    function go(p) {
      var q = new URLSearchParams();
      if (kindSel.value) q.set('kind', kindSel.value);
      if (levelSel.value) q.set('level', levelSel.value);
      if (p) q.set('page', String(p + 1));
      location.hash = '#dups' + (q.toString() ? '?' + q.toString() : '');
    }
    var kindSel = h('select', { id: 'c-kind', onchange: function () { go(0); } }, h('option', { value: '' }, 'any'), h('option', { value: 'exact' }, 'exact'), h('option', { value: 'near' }, 'near'));
    var levelSel = h('select', { id: 'c-level', onchange: function () { go(0); } }, h('option', { value: '' }, 'any'), h('option', { value: 'document' }, 'document'), h('option', { value: 'passage' }, 'passage'));
    kindSel.value = kind; levelSel.value = level;
    var tbody = h('tbody');
    res.slice(page * PAGE, page * PAGE + PAGE).forEach(function (k) {
      var c = CLUSTERS[k];
      tbody.appendChild(h('tr', null, h('td', null, h('a', { href: '#dup/' + k }, idNode(c.id))), h('td', null, c.kind + ' · ' + c.level),
        h('td', { class: 'r' }, fmt(c.size)), h('td', { class: 'r' }, c.sim.toFixed(2)),
        h('td', { class: 'idcell' }, c.kept[0] >= 0 ? docLink(c.kept[0], c.kept[2], c.kept[3]) : idNode(c.kept[1]))));
    });
    if (!res.length) tbody.appendChild(h('tr', null, h('td', { colspan: '5', class: 'muted' }, 'No duplicate clusters.')));
    add(v, [h('h1', { id: 'h-dups' }, 'Duplicate clusters ', h('span', { class: 'muted small' }, fmt(res.length) + ' of ' + fmt(CLUSTERS.length))),
      h('form', { class: 'filters panel', onsubmit: function (ev) { ev.preventDefault(); } }, h('label', { for: 'c-kind' }, 'kind', kindSel), h('label', { for: 'c-level' }, 'level', levelSel)),
      h('div', { class: 'resultbar' }, h('span'), h('div', { class: 'pager' },
        h('button', { type: 'button', disabled: page === 0, onclick: function () { go(page - 1); } }, '‹ previous'),
        h('span', { class: 'small muted' }, 'page ' + (page + 1) + ' of ' + pages),
        h('button', { type: 'button', disabled: page >= pages - 1, onclick: function () { go(page + 1); } }, 'next ›'))),
      h('div', { class: 'panel scroll' }, h('table', { class: 'data', id: 'clusterlist' }, h('thead', null, h('tr', null, h('th', null, 'cluster'), h('th', null, 'kind'),
        h('th', { class: 'r' }, 'size'), h('th', { class: 'r' }, 'similarity ≥'), h('th', null, 'kept copy'))), tbody))]);
  }

  var MEMBERS_SHOWN = 3, SHOW_CHARS = 20000, CONTEXT = 300;
  function showCluster(k, params) {
    var v = clear(views.dups), c = CLUSTERS[k];
    if (!c) { add(v, h('p', { class: 'notice' }, 'No such cluster.')); return; }
    var from = Math.max(0, (parseInt(params.get('from') || '1', 10) || 1) - 1);
    var members = c.members.slice(from, from + MEMBERS_SHOWN);
    var keptTokens = null;
    var keptCol = memberColumn(c, c.kept, true, null);
    keptTokens = keptCol.tokens;
    var cols = [keptCol.el].concat(members.map(function (m) { return memberColumn(c, m, false, keptTokens).el; }));
    var nav = h('div', { class: 'pager' },
      h('a', { href: from > 0 ? '#dup/' + k + '?from=' + (Math.max(0, from - MEMBERS_SHOWN) + 1) : null, class: from > 0 ? null : 'muted' }, '‹ earlier members'),
      h('span', { class: 'small muted' }, 'members ' + (from + 1) + '–' + (from + members.length) + ' of ' + c.members.length + ' besides the kept copy' + (c.more ? ' (+' + c.more + ' in report.json)' : '')),
      h('a', { href: from + MEMBERS_SHOWN < c.members.length ? '#dup/' + k + '?from=' + (from + MEMBERS_SHOWN + 1) : null, class: from + MEMBERS_SHOWN < c.members.length ? null : 'muted' }, 'later members ›'));
    add(v, [h('div', { class: 'dochead' }, h('h1', { id: 'h-dups' }, 'Cluster ', idNode(c.id)), h('a', { href: '#dups' }, '← all clusters')),
      h('div', { class: 'meta' }, h('span', null, h('b', null, c.kind), ' duplicate, ', h('b', null, c.level), ' level'),
        h('span', null, h('b', null, fmt(c.size)), ' copies'), h('span', null, 'similarity ≥ ', h('b', null, c.sim.toFixed(2)))),
      h('p', { class: 'small muted' }, 'The kept copy is on the left; each other member shows its span (shaded) with words that differ from the kept copy underlined, and some context around it.'),
      nav, h('div', { class: 'members' }, cols)]);
  }

  function tokenize(s) { return s.match(/\s+|[^\s]+/g) || []; }
  function memberColumn(c, m, kept, keptTokens) {
    var idx = m[0], d = DOCS[idx];
    var head = h('header', null, kept ? h('span', { class: 'cat cat-duplicate' }, 'kept copy') : null, ' ',
      idx >= 0 ? docLink(idx, m[2], m[3]) : idNode(m[1]), h('div', { class: 'small muted' }, 'span ' + m[2] + '–' + m[3] + ' (' + fmt(m[3] - m[2]) + ' chars)',
        m[4] !== null && m[4] !== undefined ? [' · similarity ', h('span', { class: 'simbar' }, h('span', { style: { width: (m[4] * 100).toFixed(0) + '%' } })), ' ' + m[4].toFixed(2)] : ''));
    var body = h('div', { class: 'mtext' });
    var tokens = null;
    if (!d) { body.appendChild(h('span', { class: 'muted' }, 'Document not in this report.')); }
    else if (!d.t) { body.appendChild(h('span', { class: 'muted' }, 'Text not embedded in this page.')); }
    else {
      var s = m[2], e = Math.min(m[3], m[2] + SHOW_CHARS);
      textRange(d, Math.max(0, s - CONTEXT), s).forEach(function (part) { addPart(body, part, 'ctx'); });
      var mark = h('mark', { class: 'span' });
      var parts = textRange(d, s, e);
      var spanText = parts.map(function (p) { return p.text || ''; }).join('');
      tokens = tokenize(spanText);
      if (keptTokens && parts.length === 1 && parts[0].text !== undefined) {
        var same = diffMask(keptTokens, tokens);
        if (same) {
          var buf = '';
          tokens.forEach(function (t, n) {
            if (same[n] || /^\s+$/.test(t)) { buf += t; return; }
            if (buf) { visibleText(mark, buf); buf = ''; }
            mark.appendChild(visibleText(h('span', { class: 'diff', title: 'differs from the kept copy' }), t));
          });
          if (buf) visibleText(mark, buf);
        } else parts.forEach(function (part) { addPart(mark, part); });
      } else parts.forEach(function (part) { addPart(mark, part); });
      body.appendChild(mark);
      if (m[3] > e) body.appendChild(h('span', { class: 'gap' }, '… ' + fmt(m[3] - e) + ' more characters of the span …'));
      textRange(d, m[3], Math.min(d.chars, m[3] + CONTEXT)).forEach(function (part) { addPart(body, part, 'ctx'); });
    }
    return { el: h('article', { class: 'member' + (kept ? ' kept' : '') }, head, body), tokens: tokens };
  }
  function addPart(parent, part, cls) {
    if (part.gap !== undefined) parent.appendChild(h('span', { class: 'gap' }, '… ' + fmt(part.gap) + ' characters not embedded …'));
    else if (cls) parent.appendChild(visibleText(h('span', { class: cls }), part.text));
    else visibleText(parent, part.text);
  }
  // Which tokens of b are part of a longest common subsequence with a (words compared case-insensitively).
  function diffMask(a, b) {
    var A = a.filter(function (t) { return !/^\s+$/.test(t); }).map(function (t) { return t.toLowerCase(); });
    var bi = [], B = [];
    b.forEach(function (t, n) { if (!/^\s+$/.test(t)) { bi.push(n); B.push(t.toLowerCase()); } });
    var pre = 0;
    while (pre < A.length && pre < B.length && A[pre] === B[pre]) pre++;
    var suf = 0;
    while (suf < A.length - pre && suf < B.length - pre && A[A.length - 1 - suf] === B[B.length - 1 - suf]) suf++;
    var a2 = A.slice(pre, A.length - suf), b2 = B.slice(pre, B.length - suf);
    if (a2.length * b2.length > 4e6) return null;
    var n = a2.length, m = b2.length, w = m + 1;
    var L = new Uint16Array((n + 1) * w);
    for (var i = n - 1; i >= 0; i--) for (var j = m - 1; j >= 0; j--)
      L[i * w + j] = a2[i] === b2[j] ? L[(i + 1) * w + j + 1] + 1 : Math.max(L[(i + 1) * w + j], L[i * w + j + 1]);
    var same = new Array(b.length).fill(false);
    for (var x = 0; x < pre; x++) same[bi[x]] = true;
    for (x = 0; x < suf; x++) same[bi[B.length - 1 - x]] = true;
    i = 0; j = 0;
    while (i < n && j < m) {
      if (a2[i] === b2[j]) { same[bi[pre + j]] = true; i++; j++; }
      else if (L[(i + 1) * w + j] >= L[i * w + j + 1]) i++;
      else j++;
    }
    return same;
  }

  // ------------------------------------------------------------------ keyboard shortcuts
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Escape' && !pop.hidden) {
      var back = popFor;
      hidePop(true);
      if (back) back.focus();
      return;
    }
    var t = ev.target;
    if (ev.altKey || ev.ctrlKey || ev.metaKey || (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA'))) return;
    if (ev.key === '/') {
      ev.preventDefault();
      if (views.docs.hidden) location.hash = '#docs';
      setTimeout(function () { var q = document.getElementById('f-q'); if (q) q.focus(); }, 0);
    } else if (!views.doc.hidden && (ev.key === ']' || ev.key === '[')) {
      var link = document.getElementById(ev.key === ']' ? 'nextdoc' : 'prevdoc');
      if (link && link.getAttribute('href')) location.hash = link.getAttribute('href');
    } else if (!views.doc.hidden && (ev.key === 'n' || ev.key === 'p')) {
      var d = DOCS[docState.i];
      if (!d) return;
      var ks = Object.keys(docState.firstMark).map(Number).sort(function (a, b) { return d.f[a][S] - d.f[b][S] || a - b; });
      if (!ks.length) return;
      var cur = ks.indexOf(docState.current);
      var next = ev.key === 'n' ? (cur + 1) % ks.length : (cur <= 0 ? ks.length - 1 : cur - 1);
      focusFinding(ks[next]);
    }
  });

  window.addEventListener('hashchange', route);
  route();
  document.documentElement.setAttribute('data-ready', '1');
  window.__auditReady = performance.now();
})();
