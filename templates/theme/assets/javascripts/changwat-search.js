/*
 * changwat: the site's search (ours, no third-party code; loaded by templates/theme/partials/search.html).
 *
 * The index is Pagefind's (pagefind/ at the site root, written by hooks/changwat_search.py): one
 * index per language, in chunks, so a reader downloads only what the page's language needs, and
 * only once the search box is used. Thai texts were segmented at build time (words joined by U+200B).
 * Before Pagefind sees a query, it is rewritten with pagefind/changwat-lexicon.<lang>.json (the
 * index's words, most frequent first, and the province names):
 *
 *   - province names in Thai, English, or an RTGS or older spelling (Chiangmai, Nakorn, Korat),
 *     folded as changwat.build.search.name_key folds them, become the name as this language's pages
 *     write it, and that office's page is put first;
 *   - Thai runs are cut into the index's words (the one being typed may be the start of a word);
 *   - a word the index does not have becomes its UK spelling (organization → organisation) or the
 *     index's most frequent word one typo away (insertion, deletion, substitution, transposition);
 *   - if Pagefind finds nothing, words the index does not have are dropped and it searches again.
 *
 * Results are drawn with text nodes only (Pagefind's excerpts are parsed in an inert document and
 * only their text and <mark> are kept), so nothing in the index can become markup on the page.
 * window.changwatSearch.search(query) returns what the results list shows (for tests and the bench).
 */
(() => {
  "use strict"

  const script = document.currentScript
  const box = document.querySelector("[data-changwat-search]")
  if (!script || !box)
    return
  const root = new URL("../../", script.src)             /* assets/javascripts/ → the site root */
  const lang = (document.documentElement.lang || "th").split("-")[0]
  const input = box.querySelector("input[name=query]")
  const meta = box.querySelector("[data-changwat-search-meta]")
  const list = box.querySelector("[data-changwat-search-results]")
  const toggle = document.getElementById("__search")
  const text = {
    placeholder: box.dataset.placeholder || "",
    none: box.dataset.none || "",
    one: box.dataset.one || "",
    other: box.dataset.other || ""
  }

  const THAI_RUN = /[\u0E01-\u0E3A\u0E40-\u0E4E]+/g
  const THAI_ONLY = /^[\u0E01-\u0E3A\u0E40-\u0E4E]+$/
  const THAI_DIGIT = /[\u0E50-\u0E59]/g
  const LATIN_WORD = /^[A-Za-z][A-Za-z'’-]*$/
  const MAX_PAGES = 10
  const MAX_SECTIONS = 6

  /* --- the lexicon ------------------------------------------------------------------------ */

  let rank = new Map()         /* word → rank (0 = most frequent) */
  let sorted = []              /* the words, sorted (prefix look-ups) */
  let longest = 0              /* longest Thai word */
  let names = {}               /* folded name → [name in this language, slug] */
  let nameKeys = []
  let alphabet = { thai: "", latin: "abcdefghijklmnopqrstuvwxyz" }
  let indexLanguage = lang

  function learn(lexicon) {
    const words = Array.isArray(lexicon.words) ? lexicon.words.filter(w => typeof w === "string") : []
    rank = new Map(words.map((w, i) => [w, i]))
    sorted = [...words].sort()
    longest = words.reduce((max, w) => THAI_ONLY.test(w) ? Math.max(max, w.length) : max, 0)
    names = lexicon.names && typeof lexicon.names === "object" ? lexicon.names : {}
    nameKeys = Object.keys(names)
    alphabet.thai = [...new Set(words.filter(w => THAI_ONLY.test(w)).join(""))].join("")
    if (typeof lexicon.index_language === "string") indexLanguage = lexicon.index_language
  }

  function isPrefix(text) {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid] < text) lo = mid + 1
      else hi = mid
    }
    return lo < sorted.length && sorted[lo].startsWith(text) && sorted[lo] !== text
  }

  /* Same folding as changwat.build.search.name_key */
  function nameKey(text) {
    let s = text.toLowerCase().replace(/[^a-z]/g, "")
    s = s.replace(/sri/g, "si").replace(/orn/g, "on")
    s = s.replace(/([kptc])h/g, "$1")
    s = s.replace(/l(?=[^aeiouy]|$)/g, "n")
    s = s.replace(/oo/g, "u").replace(/ee/g, "i").replace(/oe/g, "e")
    return s.replace(/(.)\1+/g, "$1")
  }

  /* Whether a and b are at most one edit apart (insertion, deletion, substitution, transposition) */
  function nearby(a, b) {
    if (a === b) return true
    const [m, n] = [a.length, b.length]
    if (Math.abs(m - n) > 1) return false
    let i = 0
    while (i < m && i < n && a[i] === b[i]) i++
    if (m === n)
      return a.slice(i + 1) === b.slice(i + 1) ||
        (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
    return m < n ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i)
  }

  /* The index's most frequent word one edit away from word, or null */
  function oneTypoAway(word) {
    const letters = THAI_ONLY.test(word) ? alphabet.thai : alphabet.latin
    let best = null
    const consider = w => {
      const r = rank.get(w)
      if (r !== undefined && w !== word && (best === null || r < rank.get(best))) best = w
    }
    for (let i = 0; i <= word.length; i++) {
      const [head, tail] = [word.slice(0, i), word.slice(i)]
      if (tail) consider(head + tail.slice(1))                                   /* deletion */
      if (tail.length > 1) consider(head + tail[1] + tail[0] + tail.slice(2))   /* transposition */
      for (const c of letters) {
        consider(head + c + tail)                                                 /* insertion */
        if (tail) consider(head + c + tail.slice(1))                              /* substitution */
      }
    }
    return best
  }

  /* US spellings (and UK ones the site happens not to use) as the index writes them */
  const SPELLINGS = [
    [/iz(e|es|ed|ing|ation|ations|er|ers)$/, "is$1"], [/yz(e|es|ed|ing)$/, "ys$1"],
    [/ter$/, "tre"], [/ters$/, "tres"], [/tre$/, "ter"], [/tres$/, "ters"],
    [/ense$/, "ence"], [/ence$/, "ense"], [/or$/, "our"], [/ors$/, "ours"],
    [/gram$/, "gramme"], [/grams$/, "grammes"], [/og$/, "ogue"], [/og(s)$/, "ogue$1"],
    [/eled$/, "elled"], [/eling$/, "elling"], [/is(e|es|ed|ing|ation|ations)$/, "iz$1"]
  ]

  function respell(word) {
    let best = null
    for (const [pattern, replacement] of SPELLINGS) {
      if (!pattern.test(word)) continue
      const other = word.replace(pattern, replacement)
      const r = rank.get(other)
      if (r !== undefined && (best === null || r < rank.get(best))) best = other
    }
    return best
  }

  /* --- the query ---------------------------------------------------------------------------- */

  function isCut(run, k) {
    if (k <= 0 || k >= run.length) return true
    const next = run.charCodeAt(k)
    const prev = run.charCodeAt(k - 1)
    const follows = (next >= 0x0E30 && next <= 0x0E3A) || next === 0x0E45 || (next >= 0x0E47 && next <= 0x0E4E)
    const leads = prev >= 0x0E40 && prev <= 0x0E44
    return !follows && !leads
  }

  /*
   * Cut a Thai run into the index's words: fewest characters outside the vocabulary, then whole
   * words rather than a started one (allowed only at the end of the query), then fewest pieces.
   * Unknown stretches are one piece each.
   */
  function segmentRun(run, atEnd) {
    const n = run.length
    const best = new Array(n + 1).fill(null)
    best[n] = { cost: [0, 0, 0], next: n, known: true }
    const less = (x, y) => { for (let k = 0; k < 3; k++) if (x[k] !== y[k]) return x[k] < y[k]; return false }
    for (let i = n - 1; i >= 0; i--) {
      if (!isCut(run, i)) continue
      const options = []
      for (let j = Math.min(n, i + longest); j > i; j--)
        if (isCut(run, j) && (j - i > 1 || n === 1) && rank.has(run.slice(i, j)))
          options.push({ j, unknown: 0, partial: 0 })
      if (atEnd && isPrefix(run.slice(i)))
        options.push({ j: n, unknown: 0, partial: 1 })
      let j = i + 1
      while (j < n && !isCut(run, j)) j++
      options.push({ j, unknown: j - i, partial: 0 })
      for (const o of options) {
        const after = best[o.j]
        if (after === null) continue
        const cost = [after.cost[0] + o.unknown, after.cost[1] + o.partial, after.cost[2] + 1]
        if (best[i] === null || less(cost, best[i].cost))
          best[i] = { cost, next: o.j, known: o.unknown === 0 }
      }
    }
    const pieces = []
    for (let i = 0; i < n; i = best[i].next) {
      const piece = run.slice(i, best[i].next)
      const last = pieces[pieces.length - 1]
      if (!best[i].known && last && !last.known) last.text += piece
      else pieces.push({ text: piece, known: best[i].known })
    }
    return pieces
  }

  /* Thai run → words: the run one typo from a word; else its pieces, unknown ones corrected */
  function thaiWords(run, atEnd) {
    if (rank.has(run) || (atEnd && isPrefix(run)))
      return [{ text: run, known: true }]
    let pieces = segmentRun(run, atEnd)
    if (pieces.some(p => !p.known) && run.length >= 3) {
      const near = oneTypoAway(run)
      if (near) return segmentRun(near, false)
    }
    return pieces.map(p => {
      if (p.known || p.text.length < 3) return p
      const near = oneTypoAway(p.text)
      return near ? { text: near, known: true } : p
    })
  }

  function latinWord(token, atEnd) {
    const word = token.toLowerCase()
    if (rank.has(word) || word.length < 3) return { text: token, known: rank.has(word) }
    const other = respell(word)
    if (other) return { text: other, known: true }
    if (atEnd && isPrefix(word)) return { text: token, known: true }
    if (word.length >= 4) {
      const near = oneTypoAway(word)
      if (near) return { text: near, known: true }
    }
    return { text: token, known: false }
  }

  function findName(tokens, i) {
    for (let len = Math.min(4, tokens.length - i); len >= 1; len--) {
      const span = tokens.slice(i, i + len)
      if (span.length === 1 && THAI_ONLY.test(span[0])) {
        if (names[span[0]]) return { len, name: names[span[0]] }
        /* a Thai name being typed: the start of exactly one name */
        const started = span[0].length >= 3 ? nameKeys.filter(k => k.startsWith(span[0]) && THAI_ONLY.test(k)) : []
        if (started.length === 1) return { len, name: names[started[0]] }
        continue
      }
      if (!span.every(t => LATIN_WORD.test(t))) continue
      const key = nameKey(span.join(""))
      if (names[key]) return { len, name: names[key] }
      if (key.length >= 6) {
        const near = nameKeys.find(k => k.length >= 6 && nearby(key, k))
        if (near) return { len, name: names[near] }
      }
    }
    return null
  }

  /* The query as Pagefind should see it: { words: [{text, known}], offices: [slug] } */
  function rewrite(query) {
    const folded = query.replace(THAI_DIGIT, d => String(d.charCodeAt(0) - 0x0E50)).normalize("NFC")
    const tokens = folded.split(/\s+/).filter(Boolean)
    const words = []
    const offices = []
    for (let i = 0; i < tokens.length;) {
      const found = findName(tokens, i)
      if (found) {
        const [name, slug] = found.name
        words.push(...`${name}`.split(/\s+/).map(w => ({ text: w, known: true })))
        offices.push(`${slug}`)
        i += found.len
        continue
      }
      const token = tokens[i]
      const atEnd = i === tokens.length - 1
      if (LATIN_WORD.test(token)) {
        words.push(latinWord(token, atEnd))
      } else {
        /* Thai runs cut into words; whatever else (digits, 52/1, B.E.) as typed */
        let last = 0
        for (const m of token.matchAll(THAI_RUN)) {
          if (m.index > last) words.push({ text: token.slice(last, m.index), known: true })
          words.push(...thaiWords(m[0], atEnd && m.index + m[0].length === token.length))
          last = m.index + m[0].length
        }
        if (last < token.length) words.push({ text: token.slice(last), known: true })
      }
      i++
    }
    /* a Thai name reached by correcting a typo is a name too */
    for (const w of words) {
      const name = THAI_ONLY.test(w.text) && names[w.text]
      if (name && !offices.includes(`${name[1]}`)) offices.push(`${name[1]}`)
    }
    return { words, offices }
  }

  /* --- searching --------------------------------------------------------------------------- */

  let ready = null

  /*
   * Pagefind picks its index by <html lang> and, for th, would cut the query with the browser's
   * segmenter; our Thai index is "x-th" (already segmented, see changwat.build.search.index_language).
   * pagefind.init() reads the attribute synchronously, before its first await: it sees the index
   * language for that instant only, and the page's lang is put back at once.
   */
  function start(pagefind) {
    const html = document.documentElement
    const real = html.getAttribute("lang")
    let started
    html.setAttribute("lang", indexLanguage)
    try {
      started = pagefind.init()
    } finally {
      if (real === null) html.removeAttribute("lang")
      else html.setAttribute("lang", real)
    }
    return started
  }

  function load() {
    if (ready === null)
      ready = Promise.all([
        import(new URL("pagefind/pagefind.js", root).href),
        fetch(new URL(`pagefind/changwat-lexicon.${lang}.json`, root)).then(r => r.json())
      ]).then(async ([pagefind, lexicon]) => {
        learn(lexicon)
        await start(pagefind)
        return pagefind
      })
    return ready
  }

  /* The word boundaries of the indexed text (U+2060 and a space, BOUNDARY in search.py) taken out */
  const clean = text => `${text || ""}`.replace(/\u2060(<\/mark>)? /g, "$1").replace(/\u2060/g, "")

  const relevance = sub => (sub.weighted_locations || []).reduce((sum, l) => sum + (l.balanced_score || 0), 0)

  function officeOf(url) {
    const m = /(?:^|\/)provinces\/([a-z0-9-]+)\/$/.exec(new URL(url, root).pathname)
    return m ? m[1] : null
  }

  async function search(query) {
    const pagefind = await load()
    const { words, offices } = rewrite(query)
    if (!words.length) return []
    let found = await pagefind.search(words.map(w => w.text).join(" "))
    if (!found.results.length && words.some(w => !w.known)) {
      const known = words.filter(w => w.known)
      if (known.length) found = await pagefind.search(known.map(w => w.text).join(" "))
    }
    const pages = await Promise.all(found.results.slice(0, MAX_PAGES).map(r => r.data()))
    const groups = pages.map(page => ({
      url: new URL(page.url, location.href).href,
      title: clean(page.meta && page.meta.title),
      excerpt: clean(page.excerpt),
      sections: (page.sub_results || [])
        .filter(s => s.url !== page.url)
        .map((s, k) => ({ s, k, score: relevance(s) }))
        .sort((a, b) => b.score - a.score || a.k - b.k)      /* best sections first */
        .slice(0, MAX_SECTIONS)
        .map(({ s }) => ({ url: new URL(s.url, location.href).href, title: clean(s.title), excerpt: clean(s.excerpt) }))
    }))
    /* the office whose name was typed comes first */
    for (const slug of offices.slice().reverse()) {
      const k = groups.findIndex(g => officeOf(g.url) === slug)
      if (k > 0) groups.unshift(...groups.splice(k, 1))
    }
    return groups.map(g => ({ ...g, links: [g.url, ...g.sections.map(s => s.url)] }))
  }

  /* --- the results list --------------------------------------------------------------------- */

  /* Pagefind's excerpt (escaped text with <mark>) as nodes: text and <mark> only */
  function excerptNodes(excerpt) {
    const doc = new DOMParser().parseFromString(`<body>${excerpt}</body>`, "text/html")
    const out = []
    for (const node of doc.body.childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark")
        mark.textContent = node.textContent
        out.push(mark)
      } else {
        out.push(document.createTextNode(node.textContent))
      }
    }
    return out
  }

  function article(title, excerpt, main) {
    const art = document.createElement("article")
    art.className = "md-search-result__article md-typeset" + (main ? " md-search-result__article--document" : "")
    const h = document.createElement(main ? "h1" : "h2")
    h.textContent = title
    const p = document.createElement("p")
    p.append(...excerptNodes(excerpt))
    art.append(h, p)
    return art
  }

  function link(url, child) {
    const a = document.createElement("a")
    a.className = "md-search-result__link"
    a.href = url
    a.append(child)
    return a
  }

  function render(groups) {
    const items = groups.map(g => {
      const li = document.createElement("li")
      li.className = "md-search-result__item"
      li.append(link(g.url, article(g.title, g.excerpt, true)))
      for (const s of g.sections)
        li.append(link(s.url, article(s.title, s.excerpt, false)))
      return li
    })
    list.replaceChildren(...items)
    const n = groups.length
    meta.textContent = n === 0 ? text.none : n === 1 ? text.one : text.other.replace("#", String(n))
  }

  let latest = 0
  async function update() {
    const query = input.value.trim()
    const mine = ++latest
    if (!query) {
      list.replaceChildren()
      meta.textContent = text.placeholder
      box.dataset.state = "idle"
      return
    }
    box.dataset.state = "searching"
    try {
      const groups = await search(query)
      if (mine !== latest) return
      render(groups)
      box.dataset.state = "done"
    } catch (err) {
      if (mine !== latest) return
      console.warn("changwat search:", err)
      meta.textContent = text.none
      box.dataset.state = "failed"
    }
  }

  let timer = 0
  input.addEventListener("input", () => {
    latest++                          /* a search still running answers an older query */
    box.dataset.state = "typing"
    clearTimeout(timer)
    timer = setTimeout(update, 120)
  })
  input.addEventListener("focus", () => { load().catch(() => {}) }, { once: true })
  /* focusing the box opens the results (the search toggle of the page, as the theme's own search did) */
  input.addEventListener("focus", () => { if (toggle && !toggle.checked) toggle.checked = true })
  box.querySelector("form").addEventListener("submit", event => {
    event.preventDefault()
    const first = list.querySelector("a[href]")
    if (first) location.href = first.href
  })
  /* keyboard: / or s opens the search (as the theme's did); arrows move through the results;
     Escape closes it */
  const typing = el => !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))
  document.addEventListener("keydown", event => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return
    const links = [...list.querySelectorAll("a[href]")]
    const at = links.indexOf(document.activeElement)
    if ((event.key === "/" || event.key === "s") && !typing(document.activeElement)) {
      event.preventDefault()
      if (toggle) toggle.checked = true
      input.focus()
    } else if (event.key === "Escape" && (document.activeElement === input || at >= 0)) {
      if (toggle) toggle.checked = false
      input.blur()
    } else if (event.key === "ArrowDown" && (document.activeElement === input || at >= 0) && links.length) {
      event.preventDefault()
      links[Math.min(at + 1, links.length - 1)].focus()
    } else if (event.key === "ArrowUp" && at >= 0) {
      event.preventDefault()
      if (at === 0) input.focus()
      else links[at - 1].focus()
    }
  })
  if (toggle)
    toggle.addEventListener("change", () => { if (toggle.checked) input.focus() })
  /* ?q=… opens the search with that query (the search boxes of the home and 404 pages are plain forms) */
  const asked = new URLSearchParams(location.search).get("q")
  if (asked) {
    input.value = asked
    if (toggle) toggle.checked = true
    input.focus()
    update()
  } else if (document.activeElement === input) {
    /* this script is fetched when the box is focused (partials/search.html): that focus, and what was
       typed since, came before the listeners above, so the results open now */
    if (toggle) toggle.checked = true
    if (input.value) update()
  }

  window.changwatSearch = Object.freeze({
    search,
    rewrite: query => rewrite(query).words.map(w => w.text).join(" "),
    ready: () => load().then(() => true)
  })
})()
