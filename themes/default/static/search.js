// Excerpts that start and end where a phrase does. Pagefind cuts a window of words around the
// hits, and a Chinese text is cut into words by a dictionary that does not know names: an
// excerpt began "宇 消防设施操作员" (张宇's page) or "旗人民医院隐患". Where Pagefind's ellipsis
// marks a cut, the cut is moved to a phrase boundary (a space, a Chinese mark that ends a
// phrase, the middle dot of a title, an opening bracket): outwards when the page's text has one
// a few characters away, else inwards, at the latest to the first (last) hit.
(function () {
  var ELLIPSIS = '…';
  var ENDS = /[\s，。；：、！？）」』】》·]/;
  var OPENS = /[（「『【《]/;
  var LEADING = new RegExp('^(?:' + ENDS.source + ')+');
  // How far outwards a cut may move: a name, or the rest of a short phrase.
  var BACK = 6;
  var ON = 12;

  function startsPhrase(content, i) {
    return i === 0 || ENDS.test(content[i - 1]) || OPENS.test(content[i]);
  }

  function endsPhrase(content, i) {
    return i === content.length || ENDS.test(content[i]) || OPENS.test(content[i]) || ENDS.test(content[i - 1]);
  }

  var plain = function (s) { return s.replace(/<\/?mark>/g, ''); };

  /** `excerpt` (Pagefind's, with <mark>s) with its first cut at a phrase start; `whole`: the
   *  page's text without Pagefind's word boundaries, or '' when unknown. */
  function tidyStart(excerpt, whole) {
    var body = excerpt.slice(ELLIPSIS.length).replace(/^\s+/, '');
    var core = body.endsWith(ELLIPSIS) ? body.slice(0, -ELLIPSIS.length) : body;
    var at = whole ? whole.indexOf(plain(core)) : -1;
    for (var k = 0; at >= 0 && k <= BACK && at - k >= 0; k++) {
      if (startsPhrase(whole, at - k)) {
        return (at - k > 0 ? ELLIPSIS : '') + whole.slice(at - k, at) + body;
      }
    }
    var first = body.indexOf('<mark>');
    var head = first < 0 ? body : body.slice(0, first);
    var cut = first < 0 ? 0 : first;
    for (var i = 0; i < head.length; i++) {
      if (ENDS.test(head[i])) { cut = i + 1; break; }
      if (OPENS.test(head[i]) && i > 0) { cut = i; break; }
    }
    return ELLIPSIS + body.slice(cut).replace(LEADING, '');
  }

  /** Likewise its last cut, at a phrase end. */
  function tidyEnd(excerpt, whole) {
    var rest = excerpt.slice(0, -ELLIPSIS.length);
    var shown = plain(rest.startsWith(ELLIPSIS) ? rest.slice(ELLIPSIS.length) : rest);
    var from = whole ? whole.indexOf(shown) : -1;
    var end = from < 0 ? -1 : from + shown.length;
    for (var n = 0; end >= 0 && n <= ON && end + n <= whole.length; n++) {
      if (endsPhrase(whole, end + n)) {
        return rest + whole.slice(end, end + n).replace(/\s+$/, '') + (end + n < whole.length ? ELLIPSIS : '');
      }
    }
    var last = rest.lastIndexOf('</mark>');
    var stop = last < 0 ? 0 : last + '</mark>'.length;
    for (var j = rest.length - 1; j >= stop; j--) {
      if (/\s/.test(rest[j])) { rest = rest.slice(0, j); break; }
      if (ENDS.test(rest[j])) { rest = rest.slice(0, j + 1); break; }
      if (OPENS.test(rest[j])) { rest = rest.slice(0, j); break; }
    }
    return rest.replace(/\s+$/, '') + ELLIPSIS;
  }

  /** `excerpt`: Pagefind's, with <mark>s; `content`: the page's text, when known. */
  function tidy(excerpt, content) {
    if (!excerpt) { return excerpt; }
    var whole = content ? content.replace(/\u200B/g, '') : '';
    var text = excerpt.startsWith(ELLIPSIS) ? tidyStart(excerpt, whole) : excerpt;
    return text.endsWith(ELLIPSIS) ? tidyEnd(text, whole) : text;
  }

  function processResult(result) {
    result.excerpt = tidy(result.excerpt, result.content);
    (result.sub_results || []).forEach(function (s) { s.excerpt = tidy(s.excerpt, result.content); });
    return result;
  }

  window.safedutySearch = { ELLIPSIS: ELLIPSIS, tidy: tidy, processResult: processResult };
})();
