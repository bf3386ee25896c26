"""fupin_desktop: the village poverty-alleviation battle room (村级脱贫攻坚作战室)."""

__version__ = "0.1.0"
