"""The event-page shape: title line, summary, key points, headed sections."""

from catalogue.ingest import parse_text


def test_the_first_line_is_the_title_and_the_page_names_no_site(event):
    assert event.title.text == "Soviet Union and Japan Sign Joint Declaration"
    assert event.site_name is None
    assert event.chrome == []


def test_short_lines_after_the_summary_are_the_key_points(event, event_text):
    assert [k.text for k in event.key_points] == [
        "Joint Declaration ended post-WWII state of war",
        "Signed by Japan's PM Ichiro Hatoyama in Moscow",
        "Focused on restoring diplomatic ties and peace",
        "Set the stage for future territorial negotiations",
    ]
    for point in event.key_points:
        assert event_text[point.start : point.end] == point.text


def test_headings_open_sections_holding_their_paragraphs(event, event_text):
    assert [s.heading.text for s in event.sections] == ["What Happened?", "Why Does it Matter?"]
    happened, matters = event.sections
    assert happened.text.startswith("The signing of the Joint Declaration between")
    assert happened.text.count("\n") == 2  # three paragraphs
    assert happened.text.endswith("addressing historical grievances.")
    assert matters.text.endswith("East Asian relations for decades.")
    for section in event.sections:
        assert event_text[section.start : section.end] == section.text


def test_the_body_keeps_summary_key_points_and_sections_in_order(event):
    body = event.body
    assert body.startswith("The Soviet Union and Japan signed a Joint Declaration in 1956")
    assert body.index("Set the stage") < body.index("What Happened?") < body.index("Why Does")
    assert "Soviet Union and Japan Sign Joint Declaration" not in body  # the title


def test_possessives_and_names_inside_longer_words_are_handled(event):
    surfaces = [m.surface for m in event.mentions]
    assert "Ichiro Hatoyama" in surfaces  # from "Ichiro Hatoyama's visit"
    assert "East Asia" in surfaces
    # "East Asian relations" is not a mention of East Asia.
    assert surfaces.count("East Asia") == 1


def test_bulleted_lines_are_key_points_without_their_bullets():
    text = "A Visit\nHatoyama went to Moscow.\n- Talks opened\n\u2022 A declaration was signed.\n"
    parsed = parse_text(text)
    assert [k.text for k in parsed.key_points] == ["Talks opened", "A declaration was signed."]
    assert [text[k.start : k.end] for k in parsed.key_points] == [
        "Talks opened",
        "A declaration was signed.",
    ]


def test_a_short_sentence_closed_by_a_footnote_marker_is_a_paragraph_not_a_key_point():
    parsed = parse_text('A Visit\nThe talks went on for months.[1]\nHe said "it ended."\n')
    assert [b.kind for b in parsed.blocks] == ["paragraph", "paragraph"]
