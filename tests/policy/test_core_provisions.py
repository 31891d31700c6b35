from rightslens.core.policy.provisions import sentences, split_provisions
from tests.policy.samples import FRENCH_DECREE, PORTUGUESE_BILL


def test_articles_become_provisions_whose_offsets_slice_back():
    provisions = split_provisions(PORTUGUESE_BILL)
    assert [p.ref for p in provisions] == [
        "Preamble",
        "Art. 1",
        "Art. 2",
        "Art. 3",
        "Art. 4",
        "Art. 5",
    ]
    art2 = provisions[2]
    assert PORTUGUESE_BILL[art2.start : art2.end].startswith("Art. 2º Esta Lei não se aplica")


def test_french_article_headings_on_their_own_line():
    refs = [p.ref for p in split_provisions(FRENCH_DECREE)]
    assert refs == ["Preamble", "Art. 1", "Art. 2", "Art. 3", "Art. 4"]


def test_numbered_paragraphs_are_sub_provisions_of_their_article():
    text = "Article 7 Duties\n1. Providers shall assess.\n2. Deployers shall monitor.\nSection 8\nAnnex II\nList of uses."
    refs = [p.ref for p in split_provisions(text)]
    assert refs == ["Art. 7", "Art. 7(1)", "Art. 7(2)", "Section 8", "Annex II"]


def test_a_reference_inside_a_sentence_is_not_a_heading():
    text = "Article 1\nThe rules in\nArticle 5 of the Data Act apply.\n"
    assert [p.ref for p in split_provisions(text)] == ["Art. 1"]


def test_paragraph_symbol_and_page_numbers():
    text = "§ 1 Scope of the law.\f§ 2 Duties of providers."
    provisions = split_provisions(text)
    assert [(p.ref, p.page) for p in provisions] == [("§ 1", 1), ("§ 2", 2)]


def test_text_without_structure_is_one_preamble():
    assert [p.ref for p in split_provisions("Some guidance text without numbering.")] == [
        "Preamble"
    ]


def test_sentences_are_trimmed_and_do_not_split_after_art_abbreviation():
    text = "  See Art. 5 for details. Providers shall act; deployers may help.  "
    spans = sentences(text, 0, len(text))
    quoted = [text[s.start : s.end] for s in spans]
    assert quoted == ["See Art. 5 for details.", "Providers shall act;", "deployers may help."]


def test_markdown_headings_and_degree_signs_are_read_as_articles_with_offsets_kept():
    text = (
        "# Ley 99.999 (texto de ejemplo)\n\n"
        "##### Artículo 1°- Objeto. La presente ley regula el teletrabajo.\n\n"
        "##### Art. 2º — El presente decreto se aplica a los organismos públicos.\n\n"
        "**Artículo 3.** Las personas trabajadoras tienen derecho a la desconexión.\n\n"
        "# § 4 – Videoüberwachung\n(1) Die Beobachtung ist nur zulässig.\n"
    )
    provisions = split_provisions(text)
    refs = [p.ref for p in provisions]
    assert refs[:4] == ["Preamble", "Art. 1", "Art. 2", "Art. 3"], refs
    art1 = provisions[1]
    # Offsets point into the text as given, marks included.
    assert text[art1.start : art1.end].strip().startswith("##### Artículo 1°- Objeto")
    assert "desconexión" in text[provisions[3].start : provisions[3].end]


def test_portuguese_numbered_paragraphs_with_a_dash():
    text = (
        "Artigo 2.º — Âmbito de aplicação\n"
        "1 - A presente lei aplica-se aos tratamentos de dados pessoais.\n"
        "2 - A presente lei aplica-se ainda:\na) Aos tratamentos no território nacional;\n"
        "Artigo 3.º — Definições\nPara efeitos da presente lei entende-se o seguinte.\n"
    )
    refs = [p.ref for p in split_provisions(text)]
    assert refs == ["Art. 2", "Art. 2(1)", "Art. 2(2)", "Art. 2(2)(a)", "Art. 3"], refs


def test_commonwealth_section_titles_under_parts_are_sections_and_their_text_is_read():
    text = (
        "THE DATA ACT, 2021\n\nAn Act to protect personal data.\n\n"
        "Part 1 » Preliminary Provisions\n\n"
        "1. Short title\n\nThis Act may be cited as the Data Act.\n\n"
        "3. Application\n\n(1) This Act applies to automated processing.\n"
        "(2) This Act does not apply to personal use.\n\n"
        "Part 2 » The Commissioner\n\n"
        "4. Establishment of Office\n\n(1) There is established an Office.\n"
    )
    provisions = split_provisions(text)
    refs = [p.ref for p in provisions]
    assert refs == [
        "Preamble",
        "Part 1",
        "Section 1",
        "Section 3",
        "Section 3(1)",
        "Section 3(2)",
        "Part 2",
        "Section 4",
        "Section 4(1)",
    ], refs
    # A container is only its own line: the sections under it are not headings.
    part = provisions[1]
    assert (
        part.is_heading and text[part.start : part.end].strip() == "Part 1 » Preliminary Provisions"
    )
    assert not any(p.is_heading for p in provisions if p.ref.startswith("Section"))


def test_text_under_a_chapter_heading_before_its_first_article_is_a_provision():
    text = (
        "Chapter I General provisions\nThe State shall protect the rights of platform users.\n"
        "Article 1\nThis law applies to platforms.\nArticle 2\nDefinitions apply.\n"
    )
    provisions = split_provisions(text)
    body = next(p for p in provisions if p.ref == "Chapter I (text)")
    assert not body.is_heading
    assert "shall protect" in text[body.start : body.end]


def test_canadian_sections_under_their_marginal_notes_are_sections():
    text = (
        "Online News Act\n\nAn Act respecting online platforms\n\n"
        "Short title\n\n1 This Act may be cited as the Online News Act.\n\n"
        "Definitions\n\n2 (1) The following definitions apply in this Act.\n\n"
        "(2) For the purposes of this Act, news content is made available if it is reproduced.\n\n"
        "Immunité\n49 Quiconque agit en conformité avec une autorisation bénéficie de l'immunité.\n"
    )
    refs = [p.ref for p in split_provisions(text)]
    assert refs == ["Preamble", "Section 1", "Section 2", "Section 2(2)", "Section 49"], refs


def test_a_numbered_list_under_a_table_row_is_no_canadian_section():
    text = (
        "Activity | Result | Responsible authority\n"
        "1.2 Organisation of a data protection panel for public servants and companies\n"
    )
    assert not any(p.ref.startswith("Section") for p in split_provisions(text))
