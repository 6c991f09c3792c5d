"""{% load guide_tags %}: a guide's phone line as tel: links."""

from django import template

from gongkai.documents.guide import phone_links

register = template.Library()


@register.filter
def phone_numbers(text):
    return phone_links(text)
