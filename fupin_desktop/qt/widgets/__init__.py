"""Small input widgets of the battle room: ID numbers, money, code fields, dates and problem lists."""
