"""A page's outline read back from the headings the templates write (changwat.build.outline): the
table of contents MkDocs shows and the sections the search indexes."""

from __future__ import annotations

from changwat.build import outline


def heading(level: int, ident: str, text: str, exclude: bool = False) -> str:
    mark = " data-search-exclude" if exclude else ""
    link = f'<a class="headerlink" href="#{ident}" title="ลิงก์ถาวร">¶</a>'
    return f'<h{level} id="{ident}"{mark}>{text}{link}</h{level}>'


BODY = (
    '<nav class="cw-crumbs" data-search-exclude><ol><li><a href="../">หน้าแรก</a></li></ol></nav>\n'
    "<header><h1>สำนักงานจังหวัดอ่างทอง</h1>\n"
    '<dl class="cw-facts" data-search-exclude><div><dt>ภาค</dt><dd>ภาคกลาง</dd></div></dl>\n'
    "<p>คำนำ &amp; ที่มา</p></header>\n"
    + heading(2, "history", "ประวัติ")
    + "\n<p>ก่อตั้ง พ.ศ. 2495</p>\n"
    + heading(3, "history-events", 'เหตุการณ์ <span lang="en">Events</span>')
    + "\n<ol><li>หนึ่ง</li></ol>\n"
    + heading(2, "mandate", "อำนาจหน้าที่", exclude=True)
    + "\n<p>มาตรฐานกลาง</p>\n"
    + heading(3, "law-a", "พระราชบัญญัติ (ฉบับที่ 5) พ.ศ. 2545 &lt;b&gt;", exclude=True)
    + "\n<p>มาตรา 52/1</p>\n"
    + heading(2, "org-chart", "โครงสร้าง")
    + "\n<div data-search-exclude><div>ซ้อน</div><p>ไม่ค้น</p></div><p>กลุ่มงาน</p>\n"
    + heading(4, "group-a-sub", "ฝ่ายย่อย")
    + "\n<p>งานย่อย</p><script>var x = '<h2 id=\"no\">';</script>\n"
)


def test_toc_nests_h3_under_h2_and_leaves_out_h1_and_h4():
    toc = outline.toc(BODY)
    assert [(t["level"], t["id"]) for t in toc] == [(2, "history"), (2, "mandate"), (2, "org-chart")]
    assert [c["id"] for c in toc[0]["children"]] == ["history-events"]
    assert [c["id"] for c in toc[1]["children"]] == ["law-a"]
    assert toc[2]["children"] == []
    # the text without the permalink, as HTML (MkDocs prints it as is)
    assert toc[0]["children"][0]["name"] == "เหตุการณ์ Events"
    assert toc[1]["children"][0]["name"] == "พระราชบัญญัติ (ฉบับที่ 5) พ.ศ. 2545 &lt;b&gt;"


def test_sections_leave_out_what_is_marked_and_keep_the_rest():
    intro, sections = outline.sections(BODY)
    assert intro == "คำนำ & ที่มา"  # no breadcrumbs, no facts, not the title
    got = {s.anchor: (s.title, s.text) for s in sections}
    assert list(got) == ["history", "history-events", "org-chart", "group-a-sub"]  # mandate and law-a left out
    assert got["history"] == ("ประวัติ", "ก่อตั้ง พ.ศ. 2495")
    assert got["history-events"] == ("เหตุการณ์ Events", "หนึ่ง")
    assert got["org-chart"] == ("โครงสร้าง", "กลุ่มงาน")  # a marked element is left out whole, nested divs too
    assert got["group-a-sub"] == ("ฝ่ายย่อย", "งานย่อย")  # scripts are not text
    assert "¶" not in str(sections)


def test_an_unclosed_marked_element_leaves_out_the_rest_and_nothing_breaks():
    intro, sections = outline.sections("<p>ก่อน</p><div data-search-exclude><p>ไม่ปิด" + heading(2, "a", "หัว"))
    assert (intro, sections) == ("ก่อน", [])


def test_plain_text_decodes_references_and_collapses_spaces():
    assert outline.plain("<p>a &amp;\n <b>b</b>&#46;</p>") == "a & b."


def test_tags_part_words_but_leave_no_space_before_a_comma():
    """The search's excerpts read as the page does: "Ang Thong, Mukdahan", not "Ang Thong , Mukdahan";
    elements side by side stay apart ("… Group 12 duties" in the org chart, not "Group12")."""
    assert outline.plain('<p>Browse: <a href="x/">Ang Thong</a>, <a href="y/">Mukdahan</a>.</p>') == (
        "Browse: Ang Thong, Mukdahan."
    )
    assert (
        outline.plain('<a class="t">Strategy Group</a><span class="m">12 duties</span>') == "Strategy Group 12 duties"
    )
    assert outline.plain("(<a>มาตรา 52/1</a>)") == "(มาตรา 52/1)"
    assert outline.plain("<ul><li>one</li><li>two</li></ul><p>three<br>four</p>") == "one two three four"
    assert outline.plain("a &lt;b&gt; , c") == "a <b> , c"  # text as written keeps its own spaces
