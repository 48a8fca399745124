"""articles.querying: the facet options' HTML built in Python is the HTML the list template used to render."""

import pytest
from django.template import Context, Template

from tests.factories import talks_archive

pytestmark = pytest.mark.django_db


# statements/list.html's facet options before they moved into querying.Facet.options_html; the new template
# writes "          {{ facet.options_html }}\n" in their place
FACET_OPTIONS_TEMPLATE = """          {% if not facet.spec.multiple %}
          <li><span><input type="radio" id="f-{{ facet.parameter }}-any" name="{{ facet.parameter }}" value=""{% if not facet.options.0.selected %} checked{% endif %}><label for="f-{{ facet.parameter }}-any">Any</label></span></li>
          {% endif %}
          {% for option in facet.options %}
          <li><span><input type="{% if facet.spec.multiple %}checkbox{% else %}radio{% endif %}" id="f-{{ facet.parameter }}-{{ forloop.counter }}" name="{{ facet.parameter }}" value="{{ option.value }}"{% if option.selected %} checked{% endif %}><label for="f-{{ facet.parameter }}-{{ forloop.counter }}">{{ option.label }}</label></span>
            <span class="count">{% if option.count is not None %}{{ option.count }}<span class="visually-hidden"> statements</span>{% endif %}</span></li>
          {% endfor %}
"""


@pytest.mark.parametrize(
    "query",
    ["", "country=RU&country=UA", "stance=sets_conditions&channel=ru-ua", "q=talks&kind=direct&outlet=Reuters"],
)
def test_facet_options_html_is_what_the_template_rendered(query):
    from django.test import Client

    talks_archive()
    response = Client().get("/?" + query)
    assert response.status_code == 200
    template = Template(FACET_OPTIONS_TEMPLATE)
    facets = response.context["facets"]
    assert any(facet.options for facet in facets)
    for facet in facets:
        expected = template.render(Context({"facet": facet}))
        assert "          " + facet.options_html() + "\n" == expected
