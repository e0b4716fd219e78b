/* changwat: our own stand-in for lunr-languages' wordcut.js (677 KB, 154 KB gzipped).
 *
 * Material's search worker loads wordcut.js before lunr.th.min.js whenever Thai is a search
 * language. With more than one language Material combines them with lunr.multiLanguage, which
 * takes only lunr.th.wordCharacters (so Thai tokens are not trimmed away); the wordcut tokenizer
 * itself is never called, because Material tokenizes with the configured separator and our build
 * already puts U+200B between Thai words (src/changwat/search.py). lunr.th.min.js still calls
 * wordcut.init() when it loads, so this file provides the same small interface, with cut()
 * implemented on the browser's own Thai word segmenter (Intl.Segmenter) for completeness.
 * Served from theme/ (MkDocs' custom_dir), it replaces the theme's file of the same path.
 */
(function (root) {
  "use strict";
  var segmenter = null;
  function cut(text) {
    text = String(text);
    if (typeof Intl === "undefined" || !Intl.Segmenter) return text;
    segmenter = segmenter || new Intl.Segmenter("th", { granularity: "word" });
    var words = [];
    for (var it = segmenter.segment(text)[Symbol.iterator](), s = it.next(); !s.done; s = it.next()) {
      words.push(s.value.segment);
    }
    return words.join("|");
  }
  (root.lunr || (root.lunr = {})).wordcut = { init: function () {}, cut: cut };
})(typeof self !== "undefined" ? self : this);
