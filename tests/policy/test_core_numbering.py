"""Numbering styles of real laws in en/fr/es/pt/de/it: each is parsed into articles (not read as
one preamble), headings stay out of evidence, offsets slice back, and cross-references resolve."""

from rightslens.core.policy.hits import read_sentences
from rightslens.core.policy.provisions import split_provisions
from rightslens.core.policy.structure import cross_references, definitions


def _refs(text: str) -> list[str]:
    return [p.ref for p in split_provisions(text)]


def _slices_back(text: str) -> None:
    for p in split_provisions(text):
        assert text[p.start : p.end].strip(), p.ref
        assert 0 <= p.start < p.end <= len(text)


def _targets(text: str) -> list[tuple[str, str]]:
    provisions = split_provisions(text)
    return [(text[c.start : c.end], c.target) for c in cross_references(text, provisions)]


FRENCH_CODE = (
    "Code de commerce\n\n"
    "Article L225-102-4\n\n"
    "I. – Toute société établit un plan de vigilance.\n\n"
    "II. – Le plan est rendu public, comme prévu à l'article L. 225-102-5.\n\n"
    "Article L. 225-102-5\n\n"
    "Le manquement engage la responsabilité de son auteur.\n\n"
    "Article R311-3-1-1\n\n"
    "L'administration communique les règles mentionnées à l'article L225-102-4.\n"
)


def test_french_code_article_numbers_with_letter_prefix_and_hyphens():
    refs = _refs(FRENCH_CODE)
    assert refs == [
        "Preamble",
        "Art. L225-102-4",
        "Art. L225-102-4(I)",
        "Art. L225-102-4(II)",
        "Art. L225-102-5",
        "Art. R311-3-1-1",
    ]
    _slices_back(FRENCH_CODE)
    assert _targets(FRENCH_CODE) == [
        ("article L. 225-102-5", "Art. L225-102-5"),
        ("article L225-102-4", "Art. L225-102-4"),
    ]


SWISS_CODE = (
    "Obligationenrecht\n\n"
    "Art. 964j A. Grundsatz\n"
    "1 Unternehmen müssen die Sorgfaltspflichten einhalten.\n"
    "2 Der Bundesrat legt Mengen fest.\n"
    "Art. 964 l C. Berichterstattung\n"
    "1 Das Leitungsorgan erstattet jährlich Bericht gemäss Art. 964j.\n"
)


def test_swiss_article_numbers_with_letters_and_spaced_letters():
    assert _refs(SWISS_CODE) == [
        "Preamble",
        "Art. 964j",
        "Art. 964j(1)",
        "Art. 964j(2)",
        "Art. 964l",
        "Art. 964l(1)",
    ]
    assert _targets(SWISS_CODE) == [("Art. 964j", "Art. 964j")]


GERMAN_LAW = (
    "§ 5 Risikoanalyse\n(1) Unternehmen haben eine Risikoanalyse durchzuführen.\n"
    "§ 5a Berichtspflicht\n(1) Der Bericht ist nach § 5 zu erstellen.\n"
    "(2) Die Angaben nach § 5a Absatz 1 sind öffentlich.\n"
)


def test_german_paragraph_sign_with_letter_and_its_references():
    assert _refs(GERMAN_LAW) == ["§ 5", "§ 5(1)", "§ 5a", "§ 5a(1)", "§ 5a(2)"]
    assert _targets(GERMAN_LAW) == [("§ 5", "§ 5"), ("§ 5a", "§ 5a")]


SPANISH_LAW = (
    "Ley 1/2030, de prueba\n\n"
    "EXPOSICIÓN DE MOTIVOS\n\n"
    "Las plataformas deberían respetar los derechos. " * 20 + "\n\n"
    "Artículo único. Modificación del Estatuto.\n\n"
    "Las empresas deberán informar a la representación de los trabajadores.\n\n"
    "Disposición adicional primera. Evaluación.\n\n"
    "El Gobierno evaluará la aplicación de esta ley.\n\n"
    "Disposición final segunda. Entrada en vigor.\n\n"
    "La presente Ley entrará en vigor al día siguiente.\n"
)


def test_spanish_sole_article_and_dispositions_follow_a_long_preamble():
    provisions = split_provisions(SPANISH_LAW)
    assert [(p.ref, p.kind) for p in provisions] == [
        ("Preamble", "preamble"),
        ("Art. único", "article"),
        ("Disposición adicional primera", "article"),
        ("Disposición final segunda", "article"),
    ]
    article = provisions[1]
    assert SPANISH_LAW[article.start : article.end].startswith("Artículo único.")
    # The operative duty is read from the article, the preamble keeps its own reference.
    duty = [
        s for s in read_sentences(SPANISH_LAW, provisions) if "deberan informar" in s.normalised
    ]
    assert [s.provision.ref for s in duty] == ["Art. único"]


def test_spanish_numbered_articles_with_title_after_the_dot():
    text = "Artículo 1. Objeto.\nEsta ley regula el uso.\nArtículo 2. Ámbito.\nSe aplica a todos.\n"
    assert _refs(text) == ["Art. 1", "Art. 2"]


PORTUGUESE_LAW = (
    "Art. 1º Esta Lei dispõe sobre sistemas de IA.\n"
    "Parágrafo único. O disposto no art. 2º aplica-se também ao Poder Público.\n"
    "Art. 2º O fornecedor deverá avaliar riscos.\n"
    "§ 1º A avaliação será pública.\n"
)


def test_portuguese_ordinal_articles_sole_paragraph_and_references():
    assert _refs(PORTUGUESE_LAW) == ["Art. 1", "Art. 1 sole para.", "Art. 2", "Art. 2 § 1"]
    assert _targets(PORTUGUESE_LAW) == [("art. 2º", "Art. 2")]


UK_ACT = (
    "Modern Slavery Act 2015\n"
    "Part 6 Transparency in supply chains\n\n"
    "54 Transparency in supply chains etc\n\n"
    "(1) A commercial organisation within subsection (2) must prepare a statement.\n"
    "(2) A commercial organisation is within this subsection if it supplies goods.\n"
    "(3) The statement must be published as required by section 54(1).\n\n"
    "Schedule 1\nForms of statement.\n"
)


def test_uk_bare_section_number_subsections_and_schedule():
    provisions = split_provisions(UK_ACT)
    assert [(p.ref, p.kind) for p in provisions] == [
        ("Preamble", "preamble"),
        ("Part 6", "part"),
        ("Section 54", "section"),
        ("Section 54(1)", "paragraph"),
        ("Section 54(2)", "paragraph"),
        ("Section 54(3)", "paragraph"),
        ("Schedule 1", "annex"),
    ]
    assert provisions[3].path == ("Part 6",)
    assert _targets(UK_ACT) == [
        ("subsection (2)", "Section 54(2)"),
        ("section 54(1)", "Section 54(1)"),
    ]
    # The section's heading line is never evidence.
    heading = [s for s in read_sentences(UK_ACT, provisions) if s.raw.startswith("54 ")]
    assert heading and all(s.heading for s in heading)


SCOTTISH_ACT = (
    "Scottish Biometrics Commissioner Act 2020\n\n"
    "An Act of the Scottish Parliament to establish the office of Scottish Biometrics "
    "Commissioner.\n\n"
    "Establishment\n\nScottish Biometrics Commissioner\n\n1\n\n"
    "(1) The office of Scottish Biometrics Commissioner is established.\n\n"
    "(2) Schedule 1 makes further provision about the office.\n\n"
    "Functions\n\n2\n\n"
    "(1) The Commissioner is to keep under review the law, policy and practice.\n\n"
    "(2) The report must be laid before the Parliament within 12\nmonths.\n"
)


def test_uk_section_number_alone_on_its_line_over_subsection_one():
    provisions = split_provisions(SCOTTISH_ACT)
    refs = [p.ref for p in provisions]
    assert refs[:4] == ["Preamble", "Section 1", "Section 1(1)", "Section 1(2)"]
    assert "Section 2(2)" in refs
    # A number that wraps a sentence ("within 12 / months") is not a section.
    assert "Section 12" not in refs


def test_explicit_section_label_without_articles():
    text = (
        "Section 1 Purpose\nThis Act promotes respect.\nSection 2 Duties\nEnterprises shall act.\n"
    )
    assert _refs(text) == ["Section 1", "Section 2"]


def test_italian_articles_and_annex():
    text = "Capo I\nArt. 1.\nLa presente legge disciplina l'uso.\nArticolo 2\nI fornitori devono valutare.\nAllegato A\nElenco.\n"
    assert _refs(text) == ["Chapter I", "Art. 1", "Art. 2", "Annex A"]


EU_ACT = (
    "Regulation (EU) 2030/1 of the European Parliament\n\n"
    "Whereas:\n\n"
    "(1) Providers should assess risks before placing systems on the market.\n\n"
    "(2) Member States should designate authorities.\n\n"
    "Article 1\nSubject matter\n1. Providers shall assess risks.\n\n"
    "Article 2\nDefinitions\nFor the purposes of this Regulation, 'provider' means a person placing a system.\n"
)


def test_numbered_recitals_before_articles_are_preamble_and_articles_are_operative():
    provisions = split_provisions(EU_ACT)
    kinds = [(p.ref, p.kind) for p in provisions]
    assert kinds == [
        ("Preamble", "preamble"),
        ("Recital 1", "preamble"),
        ("Recital 2", "preamble"),
        ("Art. 1", "article"),
        ("Art. 1(1)", "paragraph"),
        ("Art. 2", "article"),
    ]
    read = read_sentences(EU_ACT, provisions)
    recital = next(s for s in read if "should assess" in s.normalised)
    operative = next(s for s in read if "shall assess" in s.normalised)
    # Recitals' "should" is the EU drafting convention, not a recommendation that binds.
    assert recital.modality.name == "NEUTRAL"
    assert operative.modality.name != "NEUTRAL"
    defined = definitions(EU_ACT, provisions)
    assert [(d.term, d.ref, d.used_in) for d in defined] == [
        ("provider", "Art. 2", ("Recital 1", "Art. 1"))
    ]


PRINCIPLES = (
    "Recommendation on AI\n\n"
    "1.1 Inclusive growth and well-being\n"
    "Stakeholders should engage in responsible stewardship.\n\n"
    "1.2 Transparency and explainability\n"
    "AI actors should commit to transparency.\n"
)


def test_decimal_numbered_principle_headings_are_sections_and_not_evidence():
    provisions = split_provisions(PRINCIPLES)
    assert [(p.ref, p.kind) for p in provisions] == [
        ("Preamble", "preamble"),
        ("Section 1.1", "section"),
        ("Section 1.2", "section"),
    ]
    read = read_sentences(PRINCIPLES, provisions)
    title = next(s for s in read if s.raw == "1.2 Transparency and explainability")
    assert title.heading
    assert not next(s for s in read if s.raw.startswith("AI actors")).heading


SWISS_ORDINANCE = (
    "1. Abschnitt: Allgemeine Bestimmungen\n"
    "Art. 2 Begriffe\n"
    "1 In dieser Verordnung bedeuten:\n"
    "a. Unternehmen: natürliche und juristische Personen;\n"
    "b. Lieferkette: Prozess, der Folgendes umfasst:\n"
    "1. aus Konfliktgebieten stammende Mineralien,\n"
    "2. Produkte mit Verdacht auf Kinderarbeit.\n"
    "2 Kinderarbeit umfasst keine Berufsausbildung.\n"
    "2. Abschnitt: Sorgfaltspflichten\n"
    "Art. 3 Prüfung\n"
    "1 Unternehmen prüfen die Herkunft.\n"
)


def test_swiss_paragraphs_without_dot_hold_lettered_and_numbered_list_items():
    provisions = split_provisions(SWISS_ORDINANCE)
    assert [(p.ref, p.kind, p.path) for p in provisions] == [
        ("Chapter 1", "chapter", ()),
        ("Art. 2", "article", ("Chapter 1",)),
        ("Art. 2(1)", "paragraph", ("Chapter 1",)),
        ("Art. 2(1)(a)", "point", ("Chapter 1",)),
        ("Art. 2(1)(b)", "point", ("Chapter 1",)),
        ("Art. 2(1)(1)", "point", ("Chapter 1",)),
        ("Art. 2(1)(2)", "point", ("Chapter 1",)),
        ("Art. 2(2)", "paragraph", ("Chapter 1",)),
        ("Chapter 2", "chapter", ()),
        ("Art. 3", "article", ("Chapter 2",)),
        ("Art. 3(1)", "paragraph", ("Chapter 2",)),
    ]
    # The container heading is never evidence.
    read = read_sentences(SWISS_ORDINANCE, provisions)
    assert not [s for s in read if "Abschnitt" in s.raw]


def test_german_numbered_items_under_bracketed_paragraphs_take_the_chapeau_duty():
    text = (
        "§ 3 Sorgfaltspflichten\n"
        "(1) Unternehmen sind verpflichtet, Folgendes zu beachten:\n"
        "1. die Einrichtung eines Risikomanagements,\n"
        "2. die Abgabe einer Grundsatzerklärung.\n"
        "(2) Die Angemessenheit bestimmt sich nach der Art der Tätigkeit.\n"
    )
    provisions = split_provisions(text)
    assert [p.ref for p in provisions] == ["§ 3", "§ 3(1)", "§ 3(1)(1)", "§ 3(1)(2)", "§ 3(2)"]
    item = next(s for s in read_sentences(text, provisions) if "einrichtung" in s.normalised)
    assert item.modality.name != "NEUTRAL"


def test_french_roman_paragraphs_with_unspaced_dash():
    text = "Article L851-3\n\nI.-Dans les conditions prévues, il peut être imposé.\n\nII.-La Commission est informée.\n"
    assert _refs(text) == ["Art. L851-3", "Art. L851-3(I)", "Art. L851-3(II)"]


def test_title_line_of_a_top_level_numbered_part_is_a_heading():
    text = (
        "Directive on Automated Decision-Making\n\n"
        "6. Transparency requirements\n"
        "6.1 The Assistant Deputy Minister must provide notice before decisions.\n"
        "7. Consequences\n"
        "7.1 Consequences are set out in the framework.\n"
    )
    provisions = split_provisions(text)
    assert [p.ref for p in provisions] == ["Preamble", "para. 6", "para. 7"]
    read = read_sentences(text, provisions)
    title = next(s for s in read if s.raw == "6. Transparency requirements")
    rule = next(s for s in read if s.raw.startswith("6.1"))
    assert title.heading and not rule.heading


def test_a_wrapped_first_line_of_a_numbered_commitment_is_not_a_heading():
    text = (
        "Code of Conduct\n\n"
        "1 Take appropriate measures throughout the development of advanced AI systems\n"
        "including prior to deployment, to identify and mitigate risks.\n"
        "2 Identify patterns of misuse,\n"
        "after deployment.\n"
    )
    read = read_sentences(text, split_provisions(text))
    assert not [s for s in read if s.heading and s.raw.startswith(("1 ", "2 "))]


def test_brazilian_lettered_items_nest_under_their_roman_item():
    text = (
        "Art. 3º O Estado deverá:\n"
        "I - capacitar servidores, com foco em:\n"
        "a) sensibilização;\n"
        "b) capacitação;\n"
        "II - fortalecer políticas.\n"
    )
    provisions = split_provisions(text)
    assert [(p.ref, p.parent, p.article) for p in provisions] == [
        ("Art. 3", "", "Art. 3"),
        ("Art. 3(I)", "Art. 3", "Art. 3"),
        ("Art. 3(I)(a)", "Art. 3(I)", "Art. 3"),
        ("Art. 3(I)(b)", "Art. 3(I)", "Art. 3"),
        ("Art. 3(II)", "Art. 3", "Art. 3"),
    ]


CHILEAN_CODE = (
    "Artículo 152 quáter P.- Ámbito de aplicación. El presente Capítulo regula las relaciones.\n"
    "Artículo 152 quáter Q.- Definiciones. Para los efectos de este Capítulo, se entenderá:\n"
    "Artículo 152 quinquies A.- Del aviso previo. La empresa deberá comunicar el término.\n"
    "Artículo 152 quinquies B.- De los derechos fundamentales. La empresa deberá respetar.\n"
    "Disposiciones transitorias\n"
    "Artículo primero.- La presente ley entrará en vigencia el sexto mes.\n"
    "Artículo segundo.- Las empresas tendrán un plazo de tres años.\n"
)


def test_latin_ordinal_articles_with_a_letter_and_spelled_ordinals_are_articles():
    refs = [r for r in _refs(CHILEAN_CODE) if r != "Preamble"]
    assert refs == [
        "Art. 152 quáter P",
        "Art. 152 quáter Q",
        "Art. 152 quinquies A",
        "Art. 152 quinquies B",
        "Art. primero",
        "Art. segundo",
    ]
    _slices_back(CHILEAN_CODE)


def test_a_spelled_ordinal_that_reads_on_as_a_sentence_is_not_an_article():
    text = (
        "Artículo 1.- Objeto.\nArtículo 2.- Ámbito.\nArtículo segundo de la ley citada queda así.\n"
    )
    assert "Art. segundo" not in _refs(text)


_PARAGRAPH = "Agencies should consider how the system affects people and record their reasons. " * 2
GUIDANCE = (
    f"Adoption of AI in the Public Sector\n\n{_PARAGRAPH}\n\nGovernance\n\n{_PARAGRAPH}\n\n"
    f"Human oversight and accountability\n\n{_PARAGRAPH}\n\nContestability\n\n{_PARAGRAPH}\n"
)


def test_unnumbered_headings_of_guidance_become_sections():
    provisions = split_provisions(GUIDANCE)
    assert [(p.ref, p.kind) for p in provisions] == [
        ("Adoption of AI in the Public Sector", "section"),
        ("Governance", "section"),
        ("Human oversight and accountability", "section"),
        ("Contestability", "section"),
    ]
    _slices_back(GUIDANCE)


def test_fewer_than_three_unnumbered_headings_leave_the_text_as_it_was():
    text = f"Governance\n\n{_PARAGRAPH}\n\nContestability\n\n{_PARAGRAPH}\n"
    assert {p.kind for p in split_provisions(text)} == {"preamble"}


def test_unnumbered_headings_are_not_read_where_articles_give_the_structure():
    text = f"Article 1\n\n{_PARAGRAPH}\n\nGovernance\n\n{_PARAGRAPH}\n\nArticle 2\n\n{_PARAGRAPH}\n\nScope\n\n{_PARAGRAPH}\n\nOther\n\n{_PARAGRAPH}\n"
    assert [p.ref for p in split_provisions(text) if p.kind == "article"] == ["Art. 1", "Art. 2"]
    assert all(p.kind != "section" for p in split_provisions(text))


def test_article_dot_paragraph_numbers_and_their_lettered_points():
    text = (
        "Artículo 3.- Ámbito\n\n3.1. Se aplica a los propietarios.\n\n"
        "3.2. Se excluyen:\n\na. Los espacios privados.\n\nb. Las cámaras de la policía.\n\n"
        "Artículo 4.- Reglas\n\nLey 20.744 de contrato de trabajo.\n"
    )
    refs = [p.ref for p in split_provisions(text)]
    assert refs[:5] == ["Art. 3", "Art. 3(1)", "Art. 3(2)", "Art. 3(2)(a)", "Art. 3(2)(b)"]
    # "20.744", a law's number, is no paragraph of article 4.
    assert not any(r.startswith("Art. 4(") for r in refs)


def test_a_guide_under_one_chapter_line_takes_its_unnumbered_headings():
    body = "A paragraph of guidance that runs on long enough to be read as the text of a section."
    text = (
        "Chapter 3: Responsible AI Implementation\n\n"
        f"{body}\n\nPrinciples are still evolving\n\n{body}\n\n"
        f"Ask questions often\n\n{body}\n\nMoving forward\n\n{body}\n"
    )
    refs = [p.ref for p in split_provisions(text)]
    assert refs[0] == "Chapter 3"
    assert {"Principles are still evolving", "Ask questions often", "Moving forward"} <= set(refs)


def test_numbered_titles_in_capitals_are_sections_whatever_follows_them():
    text = (
        "GUIDANCE ON AGENCY AI REPORTING\n\n"
        "Agencies report their AI use cases every year.\n\n"
        "1. INVENTORY OF ARTIFICIAL INTELLIGENCE USE CASES\n"
        "Federal agencies are required to conduct an annual inventory.\n\n"
        "2. REPORTING ON WAIVERS FROM SECTION 4 OF MEMORANDUM M-25-21\n"
        "Agencies must report each waiver.\n\n"
        "3. 2025 AI USE CASE INVENTORY FIELDS\n"
        "Each use case is described by the fields below.\n"
    )
    sections = [p.ref for p in split_provisions(text) if p.kind == "section"]
    assert sections == ["Section 1", "Section 2", "Section 3"]
    # A numbered sentence in ordinary case is not a title.
    prose = "Intro.\n\n1. Agencies must report each waiver to OMB.\nMore text follows.\n"
    assert [p.ref for p in split_provisions(prose) if p.kind == "section"] == []


def test_belgian_slash_numbers_are_articles_of_their_own():
    text = (
        "Article 7. Les caméras fixes sont déclarées.\n\n"
        "Article 7/1. Les caméras mobiles ne peuvent être utilisées que pour les plaques.\n\n"
        "Article 8. Toute utilisation cachée est interdite.\n"
    )
    articles = [p.ref for p in split_provisions(text) if p.kind == "article"]
    assert articles == ["Art. 7", "Art. 7/1", "Art. 8"]


def test_a_numbered_list_item_is_not_a_section_in_a_law_with_paragraph_signs():
    text = (
        "§ 1\nDieses Gesetz gilt für folgende Sektoren:\n\n"
        "7. Digitale Infrastruktur\n\n"
        "§ 2\nBetreiber melden Sicherheitsvorfälle.\n"
    )
    sections = [p.ref for p in split_provisions(text) if p.kind == "section"]
    assert sections == ["§ 1", "§ 2"]


def test_irish_inserted_sections_start_at_their_number_and_keep_their_text():
    text = (
        "PART 8A\nOnline Safety\n\n"
        "139A. (1) For the purposes of this Act, online content is harmful if it is one of "
        "the following kinds.\n(2) The Minister may specify further categories.\n\n"
        "139B. (1) Before making an order the Commission shall consult the public.\n\n"
        "139D. In this Part, age-inappropriate content means content unsuitable for children.\n"
    )
    sections = [
        p.ref for p in split_provisions(text) if p.kind == "section" and "Part" not in p.ref
    ]
    assert sections == ["Section 139A", "Section 139B", "Section 139D"]
    # The first subsection is the section's text, not its heading.
    read = read_sentences(text, split_provisions(text))
    first = [s for s in read if s.provision.ref == "Section 139A" and "harmful" in s.normalised]
    assert first and not any(s.heading for s in first)
    # A plain numbered sentence is still no section.
    prose = "Intro.\n\n1. Agencies must report each waiver.\nMore text follows.\n"
    assert [p.ref for p in split_provisions(prose) if p.kind == "section"] == []


def test_mexican_lettered_articles_are_articles_of_their_own():
    text = (
        "Artículo 291-A.- Es una relación laboral subordinada.\n\n"
        "Artículo 291-B.- Se entenderá por plataforma digital el conjunto de mecanismos.\n\n"
        "Artículo 292.- Las disposiciones de este capítulo se aplican.\n"
    )
    articles = [p.ref for p in split_provisions(text) if p.kind == "article"]
    assert articles == ["Art. 291-A", "Art. 291-B", "Art. 292"]


def test_singapore_sections_and_roman_titled_parts_of_guidance_are_read():
    act = (
        "PART 1 — PRELIMINARY\nShort title\n"
        "1. —(1) This Act is the Platform Workers Act 2024.\n(2) A notification may say more.\n"
        "Meaning of platform operator\n"
        "4. —(1) In this Act, platform operator means a person who provides a service.\n"
    )
    sections = [p.ref for p in split_provisions(act) if p.kind == "section" and "Part" not in p.ref]
    assert sections == ["Section 1", "Section 4"]
    guide = (
        "DIRETRIZ/2023/1\nSobre medidas de segurança\n"
        "1. Os ataques têm ocorrido em número crescente.\n"
        "I. Sobre notificação de violação de dados\n"
        "6. Uma violação de dados pessoais é uma violação da segurança.\n"
        "II. Medidas técnicas e organizativas a adotar\n"
        "19. Incumbe ao responsável pelo tratamento aplicar as medidas adequadas.\n"
    )
    assert [p.ref for p in split_provisions(guide) if p.kind == "section"] == [
        "Section I",
        "Section II",
    ]
    # A list item in Roman numerals ends with ";" and is no title.
    items = "Introducción.\n\nI. Que cuenten con autorización vigente;\nII. Que no existan antecedentes;\n"
    assert [p.ref for p in split_provisions(items) if p.kind == "section"] == []


def test_section_titles_over_their_text_on_the_next_line_are_sections():
    # Zimbabwe's Cyber and Data Protection Act sets a section's title over its text with no blank
    # line and, where the section has one paragraph, no "(1)" (policy_fresh21's structure report:
    # "2. Object" and "3. Interpretation" were read as paragraphs of the part).
    text = (
        "Part I\n\n"
        "1. Short title\n"
        "This Act may be cited as the Cyber and Data Protection Act, and it applies from today.\n\n"
        "2. Object\n"
        "The object of this Act is to increase cyber security and trust in the secure use of data.\n\n"
        "3. Application\n"
        "(1) This Act applies to the processing of data by any data controller in Zimbabwe.\n"
        "(2) It does not apply to processing for purely household purposes by a natural person.\n"
    )
    assert _refs(text) == [
        "Part I",
        "Section 1",
        "Section 2",
        "Section 3",
        "Section 3(1)",
        "Section 3(2)",
    ]
    _slices_back(text)


def test_a_numbered_sentence_over_text_is_not_a_section_title():
    # A numbered item that ends its sentence is no title, whatever line follows it.
    text = (
        "Part I\n\n"
        "1. The Authority shall publish its guidelines.\n"
        "Those guidelines shall be reviewed every two years by the Authority and the Minister.\n"
    )
    assert "Section 1" not in _refs(text)


def test_a_numbered_title_may_begin_with_an_accented_capital():
    # Spain's procedure against disinformation (policy_fresh22's structure report): "3. Órganos,
    # organismos y autoridades responsables" was read into the section before it.
    text = (
        "1. Contexto\n\n"
        "El acceso a información veraz es uno de los pilares de la sociedad democrática.\n\n"
        "3. Órganos, organismos y autoridades responsables\n\n"
        "Se establece una composición específica para la lucha contra la desinformación.\n"
    )
    assert _refs(text)[-2:] == ["Section 1", "Section 3"]


def test_a_numbered_title_over_its_first_decimal_subsection_is_a_section():
    # Portugal's national cybersecurity roadmap (policy_fresh23's structure report): "2.
    # Capacidades mínimas de cibersegurança" over "2.1. FASE 1" was read as a point of 1.4.
    text = (
        "1. Sumário Executivo\n"
        "Este documento apresenta a visão e um conjunto de ações para as entidades públicas.\n"
        "1.4. Classificação da Informação\n"
        "Toda a informação partilhada neste documento é pública e pode ser divulgada.\n"
        "2. Capacidades mínimas de cibersegurança\n"
        "2.1. FASE 1\n"
        "A fase inicial cria a equipa de resposta a incidentes da entidade.\n"
    )
    assert "Section 2" in _refs(text)
    _slices_back(text)


US_STATE_BILL = (
    "SECTION 1. The Legislature finds and declares all of the following:\n"
    "(a) Frontier models pose risks.\n"
    "SEC. 2. Chapter 9 is added to Division 8 of the Business and Professions Code, to read:\n"
    "CHAPTER 9. Transparency\n"
    "22757.11. For purposes of this chapter:\n"
    "(a) “Developer” means a person who trains a model.\n"
    "22757.12. (a) A developer shall publish a framework.\n"
    "(b) This subdivision does not apply to a statement made in good faith.\n"
    "22757.13. The Office shall establish a mechanism to report incidents.\n"
)


def test_us_state_code_sections_added_by_a_bill_are_articles_cited_with_the_section_sign():
    refs = _refs(US_STATE_BILL)
    assert "§ 22757.12" in refs and "§ 22757.13" in refs
    assert "§ 22757.12(b)" in refs
    _slices_back(US_STATE_BILL)


def test_a_numbered_paragraph_is_no_code_section():
    text = "12. The Ministry shall publish a plan.\n13. The plan shall be reviewed.\n"
    assert not any(ref.startswith("§") for ref in _refs(text))
