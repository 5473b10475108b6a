#!/usr/bin/env python3
"""Fills the English plural forms in translations/finetune_studio_en.ts from the source texts:
"(s)" becomes "" in the singular and "s" in the plural. Run after scripts/update-translations."""
import re
import sys
import xml.etree.ElementTree as ET

path = sys.argv[1] if len(sys.argv) > 1 else "translations/finetune_studio_en.ts"
tree = ET.parse(path)
for message in tree.iter("message"):
    if message.get("numerus") != "yes":
        continue
    source = message.find("source").text
    translation = message.find("translation")
    for child in list(translation):
        translation.remove(child)
    translation.attrib.pop("type", None)
    for form in (source.replace("(s)", ""), source.replace("(s)", "s")):
        ET.SubElement(translation, "numerusform").text = form
tree.write(path, encoding="utf-8", xml_declaration=True)
