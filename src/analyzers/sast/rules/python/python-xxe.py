import xml.sax
from xml.sax.handler import feature_external_ges

import defusedxml.ElementTree as SafeET
from lxml import etree


def parse_upload(data):
    # ruleid: python-xxe
    parser = etree.XMLParser(resolve_entities=True)
    return etree.fromstring(data, parser)


def parse_with_dtd(data):
    # ruleid: python-xxe
    parser = etree.XMLParser(load_dtd=True, no_network=True)
    return etree.fromstring(data, parser)


def sax_parse(stream, handler):
    parser = xml.sax.make_parser()
    # ruleid: python-xxe
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(stream)


def parse_safe(data):
    # ok: python-xxe
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.fromstring(data, parser)


def parse_defused(data):
    # ok: python-xxe
    return SafeET.fromstring(data)
