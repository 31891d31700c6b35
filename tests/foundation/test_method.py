import inspect

from django.test import Client
from django.utils.html import escape

from rightslens.core import involvement, severity


def test_the_method_page_is_public_and_explains_the_rules(db):
    response = Client().get("/method/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "One extreme is enough" in page
    assert "Risk to the business is recorded separately" in page
    assert "Use or build leverage over the business relationship" in page


def test_it_reproduces_the_code_docstrings_so_page_and_code_cannot_drift(db):
    page = Client().get("/method/").content.decode()
    for documented in (severity, severity.priority_key, involvement):
        assert escape(inspect.getdoc(documented)) in page
