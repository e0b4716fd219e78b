/*
 * changwat: Thai search for Material for MkDocs (ours, no third-party code; loaded by
 * extra_javascript in mkdocs.yml).
 *
 * The search index is segmented at build time (src/changwat/search.py): the words of every Thai
 * run are joined by U+200B, which the search separator splits on. Readers type Thai without
 * spaces, so this script segments their query the same way before Material's search worker sees
 * it, and keeps only the entries of the page's language.
 *
 * How: Material talks to its search worker with two messages that matter here (Material 9.x,
 * src/templates/assets/javascripts/integrations/search/worker/message): SETUP {type: 0, data:
 * {config, docs, options}} once, when the index has been fetched, and QUERY {type: 2, data:
 * "<the input's value>"} on every keystroke, focus or ?q= link. Material creates its worker while
 * its bundle runs, before this script, so this script wraps Worker.prototype.postMessage:
 *   - SETUP (recognised by its shape): keeps the docs whose location is in the page's language
 *     (index config.locales, written by hooks/changwat_search.py) and collects the Thai words of
 *     those docs (the vocabulary);
 *   - QUERY, to the worker that got the SETUP: replaces every Thai run of the query by its words,
 *     each required and a prefix (+word*; see rewrite below). A run is cut into words of the
 *     vocabulary (fewest words; the last one may be the start of a word, so prefix search works
 *     while typing); what is not in the vocabulary is cut by the browser's Intl.Segmenter. Thai
 *     digits become Arabic digits, as in the index.
 *   - If the index arrived before this script ran (both from the browser cache, say), the SETUP
 *     has gone out unchanged; the first QUERY then shows it, and this script fetches the index
 *     (from the cache), sends the worker a SETUP of its own and repeats the query.
 *
 * Why not rewrite the search box itself (insert invisible U+200B into the input's value): that
 * moves the caret, makes Backspace delete an invisible character (nothing seems to happen), breaks
 * undo, and misses values Material reads without a key event (paste, ?q= links, focus). Here the
 * box keeps exactly what the reader typed. Material's result links still carry the matched words in
 * ?h= (search.highlight), which highlights them on the target page.
 *
 * If anything here fails, the message is passed on unchanged: search works as without this script.
 */
(() => {
  "use strict"

  const ZWSP = "\u200b"
  const THAI_RUN = /[\u0E01-\u0E3A\u0E40-\u0E4E]+/g
  const THAI_DIGIT = /[\u0E50-\u0E59]/g
  const SETUP = 0
  const QUERY = 2

  const configElement = document.getElementById("__config")
  if (typeof Worker !== "function" || !configElement)
    return

  let config
  try {
    config = JSON.parse(configElement.textContent)
  } catch (err) {
    return
  }

  const icu = typeof Intl !== "undefined" && "Segmenter" in Intl
    ? new Intl.Segmenter("th", { granularity: "word" })
    : null

  /* Vocabulary: the Thai words of the page language's index */
  let words = new Set()
  let sorted = []
  let longest = 0

  function learn(docs) {
    const found = new Set()
    for (const doc of docs)
      for (const field of [doc.title, doc.text])
        if (typeof field === "string")
          for (const [word] of field.matchAll(THAI_RUN))
            found.add(word)
    words = found
    sorted = [...found].sort()
    longest = sorted.reduce((max, word) => Math.max(max, word.length), 0)
  }

  /* Whether some word of the vocabulary starts with the given text */
  function isPrefix(text) {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid] < text) lo = mid + 1
      else hi = mid
    }
    return lo < sorted.length && sorted[lo].startsWith(text)
  }

  /* Whether a word may begin or end at position k of the run (not inside a character cluster) */
  function isCut(run, k) {
    if (k <= 0 || k >= run.length)
      return true
    const next = run.charCodeAt(k)
    const prev = run.charCodeAt(k - 1)
    const follows = (next >= 0x0E30 && next <= 0x0E3A) || next === 0x0E45 ||
      (next >= 0x0E47 && next <= 0x0E4E)
    const leads = prev >= 0x0E40 && prev <= 0x0E44
    return !follows && !leads
  }

  /* Word boundaries of the browser's segmenter (or none: then every cluster stands alone) */
  function boundaries(run) {
    const cuts = new Set([0, run.length])
    if (icu) {
      for (const { index } of icu.segment(run))
        cuts.add(index)
    } else {
      for (let k = 1; k < run.length; k++)
        if (isCut(run, k)) cuts.add(k)
    }
    return [...cuts].sort((a, b) => a - b)
  }

  /*
   * Cut one Thai run into words. A piece is a word of the vocabulary; or, at the end of the run
   * only, the start of a word of the vocabulary (the word being typed); or a segment of the
   * browser's segmenter (text the index does not have). Best: fewest characters outside the
   * vocabulary, then whole words rather than a started one, then fewest pieces.
   */
  function segmentRun(run) {
    const n = run.length
    const icuCuts = boundaries(run)
    const cost = (a) => [a.unknown, a.partial, a.pieces]
    const less = (a, b) => {
      const [x, y] = [cost(a), cost(b)]
      for (let k = 0; k < x.length; k++)
        if (x[k] !== y[k]) return x[k] < y[k]
      return false
    }
    const best = new Array(n + 1).fill(null)
    best[n] = { unknown: 0, partial: 0, pieces: 0, next: n, known: true }
    for (let i = n - 1; i >= 0; i--) {
      const options = []
      if (isCut(run, i)) {
        // single letters of the index (พ of พ.ศ.) are words only on their own, never inside a run
        for (let j = Math.min(n, i + longest); j > i + 1 || (j > i && n === 1); j--)
          if (isCut(run, j) && words.has(run.slice(i, j)))
            options.push({ j, unknown: 0, partial: 0 })
        if (isPrefix(run.slice(i)))
          options.push({ j: n, unknown: 0, partial: 1 })
      }
      const j = icuCuts.find(cut => cut > i)
      options.push({ j, unknown: j - i, partial: 0 })
      for (const option of options) {
        const after = best[option.j]
        if (after === null)
          continue
        const candidate = {
          unknown: after.unknown + option.unknown,
          partial: after.partial + option.partial,
          pieces: after.pieces + 1,
          next: option.j,
          known: option.unknown === 0
        }
        if (best[i] === null || less(candidate, best[i]))
          best[i] = candidate
      }
    }
    const pieces = []
    for (let i = 0; i < n; i = best[i].next) {
      const text = run.slice(i, best[i].next)
      const last = pieces[pieces.length - 1]
      // without Intl.Segmenter, unknown clusters in a row are one unknown piece
      if (!icu && !best[i].known && last && !last.known)
        last.text += text
      else
        pieces.push({ text, known: best[i].known })
    }
    return pieces
  }

  /*
   * The query as Material's worker should see it. A Thai run typed without spaces is one phrase:
   * its words that the index has are required (+word*, each still a prefix), so that a phrase
   * finds the sections that have all of it rather than any section with its most common word;
   * words the index does not have stay optional (Material lists them as missing), so a typo does
   * not empty the results. A run after a + or - modifier, or inside quotes, is joined with U+200B
   * instead: Material then applies the modifier (or the quotes) to each of its words.
   */
  function rewrite(query) {
    const folded = query.replace(THAI_DIGIT, digit => String(digit.charCodeAt(0) - 0x0E50))
    return folded.replace(THAI_RUN, (run, offset) => {
      const pieces = segmentRun(run)
      const quoted = (folded.slice(0, offset).match(/"/g) || []).length % 2 === 1
      if (pieces.length < 2 || quoted || /[+-]$/.test(folded.slice(0, offset)))
        return pieces.map(piece => piece.text).join(ZWSP)
      const words = pieces.map(piece => piece.known ? `+${piece.text}*` : piece.text)
      return ` ${words.join(" ")} `
    })
  }

  /* The docs of the page's language (by location prefix), or all when that is unknown */
  function languageDocs(indexConfig, docs) {
    const locales = indexConfig && indexConfig.locales
    const lang = document.documentElement.lang
    if (!locales || typeof locales !== "object" || !(lang in locales))
      return docs
    const prefixes = Object.entries(locales)
      .sort(([, a], [, b]) => b.length - a.length)
    return docs.filter(doc => {
      const match = prefixes.find(([, prefix]) => `${doc.location}`.startsWith(prefix))
      return match && match[0] === lang
    })
  }

  const isSetup = message => !!message && message.type === SETUP && !!message.data &&
    !!message.data.config && typeof message.data.config.separator === "string" &&
    Array.isArray(message.data.docs)
  const isQuery = message => !!message && message.type === QUERY && typeof message.data === "string"

  function setup(message) {
    const docs = languageDocs(message.data.config, message.data.docs)
    learn(docs)
    return { ...message, data: { ...message.data, docs } }
  }

  const post = Worker.prototype.postMessage
  const workers = new WeakMap()         /* search worker → { last: its last query } */
  let mode = "waiting"                  /* → "setup", or "resync" when the SETUP was missed */

  /* The SETUP went out before this script ran: send one of our own, then the last query again */
  function resync(worker, state) {
    const base = new URL(config.base, location.href)
    fetch(new URL("search/search_index.json", base))
      .then(res => res.json())
      .then(({ config: indexConfig, docs }) => {
        const features = Array.isArray(config.features) ? config.features : []
        const options = { suggest: features.includes("search.suggest") }
        post.call(worker, setup({ type: SETUP, data: { config: indexConfig, docs, options } }))
        post.call(worker, { type: QUERY, data: rewrite(state.last) })
        mode = "resync"
      })
      .catch(err => console.warn("changwat search: index not reloaded", err))
  }

  Worker.prototype.postMessage = function (message, ...rest) {
    try {
      if (isSetup(message)) {
        workers.set(this, { last: "" })
        message = setup(message)
        mode = "setup"
      } else if (isQuery(message)) {
        let state = workers.get(this)
        if (typeof state === "undefined") {
          workers.set(this, state = { last: message.data })
          resync(this, state)
        }
        state.last = message.data
        message = { ...message, data: rewrite(message.data) }
      }
    } catch (err) {
      console.warn("changwat search: message passed on unchanged", err)
    }
    return post.call(this, message, ...rest)
  }

  /* For tests and curious readers: how a query is cut, and how the index reached the worker */
  window.changwatSearch = Object.freeze({
    rewrite,
    words: () => words.size,
    mode: () => mode
  })
})()
