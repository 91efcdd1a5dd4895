"""The change-request form shows only the chosen kind's fields (issue 14), chosen by a link
that works without scripts (?kind=…) and redrawn by htmx; the server ignores other kinds'."""

import re

import pytest

from tests.changes.conftest import file_request, only_request, slot_of

FIELDS = {"move_date": {"field", "new_date"}, "topic": {"new_topic"},
          "swap": {"other_slot_id"}, "cancel": set()}
ALL = set().union(*FIELDS.values())


def _form(html: str) -> str:
    start = html.index('id="change-form"')
    return html[start:html.index("</form>", start)]


def _names(form: str) -> set[str]:
    return set(re.findall(r'<(?:input|select|textarea)[^>]*\bname="([a-z_]+)"', form))


@pytest.mark.parametrize("kind", list(FIELDS))
def test_each_kind_shows_only_its_fields(demo, db, login_as, client, kind):
    march = slot_of(db, 3)
    login_as("kesach")
    form = _form(client.get(f"/slots/{march.id}/changes?kind={kind}").get_data(as_text=True))
    names = _names(form)
    assert names & ALL == FIELDS[kind]
    assert {"kind", "reason", "csrf_token"} <= names
    assert f'name="kind" value="{kind}"' in form
    assert re.search(rf'<span class="current" data-kind="{kind}" aria-current="true">', form)
    for other in set(FIELDS) - {kind}:  # each other kind is a plain link; htmx redraws the form
        assert f'href="/slots/{march.id}/changes?kind={other}"' in form
        assert f'hx-get="/slots/{march.id}/changes/form?kind={other}"' in form


def test_the_default_kind_is_a_date_move_and_the_fragment_keeps_the_reason(demo, db, login_as,
                                                                          client):
    march = slot_of(db, 3)
    login_as("kesach")
    assert _names(_form(client.get(f"/slots/{march.id}/changes").get_data(as_text=True))) \
        & ALL == FIELDS["move_date"]
    response = client.get(f"/slots/{march.id}/changes/form?kind=topic&reason=Đài+bận",
                          headers={"HX-Request": "true"})
    fragment = response.get_data(as_text=True)
    assert response.status_code == 200 and fragment.lstrip().startswith("<form")
    assert "<html" not in fragment and ">Đài bận</textarea>" in fragment
    assert _names(fragment) & ALL == {"new_topic"}
    assert "HX-Request" in response.headers["Vary"]


def test_only_the_units_officer_gets_the_form(demo, db, login_as, client):
    march = slot_of(db, 3)
    login_as("vinhchau")
    assert client.get(f"/slots/{march.id}/changes/form?kind=topic",
                      headers={"HX-Request": "true"}).status_code == 403


def test_a_refused_request_redraws_the_chosen_kind_with_what_was_typed(agreed, login_as, client):
    officer = login_as("vinhchau")
    response = file_request(officer, agreed, kind="topic", new_topic=" ", reason="Lý do A")
    assert response.status_code == 422
    form = _form(response.get_data(as_text=True))
    assert _names(form) & ALL == {"new_topic"} and "Lý do A" in form


def test_the_server_ignores_fields_of_other_kinds(agreed, login_as, db):
    officer = login_as("vinhchau")
    assert file_request(officer, agreed, kind="topic", new_topic="Tết Khmer đoàn kết",
                        field="air_date", new_date="2023-04-25",
                        other_slot_id="3").status_code == 303
    change = only_request(db)
    assert (change.kind, change.new_topic) == ("topic", "Tết Khmer đoàn kết")
    assert (change.field, change.new_date, change.other_slot_id, change.other_unit_id) == (
        None, None, None, None)
