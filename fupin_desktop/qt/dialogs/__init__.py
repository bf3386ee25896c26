"""Dialogs of the battle room: the household editor (with its tabs) and the 收支账本 month grid."""
