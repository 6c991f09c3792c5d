"""Personal data of applicants: masked by default, shown in full only to the handling unit, logged."""


def mask_middle(value, keep_start, keep_end):
    value = value or ""
    if len(value) <= keep_start + keep_end:
        return "*" * len(value)
    return value[:keep_start] + "*" * (len(value) - keep_start - keep_end) + value[len(value) - keep_end:]


def mask_id_number(number):
    """210102********1234 → the region prefix and the last digits people use to tell documents apart."""
    return mask_middle(number, 3, 4)


def mask_phone(phone):
    return mask_middle(phone, 3, 4)


def mask_name(name):
    """张三丰 → 张**; for the public status page, which shows no personal data at all, use nothing."""
    return (name[:1] + "*" * (len(name) - 1)) if name else ""
