"""Valid inputs for service tests."""

import datetime as dt


def household_values(**overrides):
    values = {
        "number": "6107020001", "village_group": "一组", "main_cause": "1", "attribute": "1",
        "identified_on": dt.date(2015, 3, 1), "planned_exit_year": 2020, "house_area": 80.0,
        "house_rating": "B", "water_safe": True, "fuel": "01", "sanitary_toilet": True, "phone": "13800000000",
    }
    values.update(overrides)
    return values


def members_values():
    return [
        {"name": "张三丰", "id_number": "610702196503120015", "relation": "01", "education": "02",
         "health": "02", "labour": "01", "work_status": "01", "work_months": 6},
        {"name": "李秀英", "id_number": "610702196708230023", "relation": "02", "education": "02",
         "health": "01", "labour": "01"},
        {"name": "张小明", "id_number": "610702200509010019", "relation": "03", "education": "",
         "schooling": "05", "health": "01", "labour": "04"},
    ]
