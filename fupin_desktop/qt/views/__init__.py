"""One module per navigation page: ``page_<name>.py`` exposing ``PAGE = PageSpec(...)``."""
