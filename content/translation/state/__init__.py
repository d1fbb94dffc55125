"""Translation state recorded at write time: source digests, untranslated text.

A Django app of its own (label ``translation_state``) so that its tables and
migrations stay apart from the article models'.
"""
