"""Management commands that replace Wagtail's own (listed before ``wagtail``)."""
