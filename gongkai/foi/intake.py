"""Tracking codes and query passwords: what an applicant keeps to follow the application."""

import secrets

from django.contrib.auth.hashers import check_password, make_password

# No 0/O, 1/I/L: codes are read out on the phone and typed from paper.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
# Checked against when a code is unknown, so a wrong code costs as much time as a wrong password.
_DUMMY_HASH = make_password("not a real password")


def new_tracking_code(year):
    return f"{year}-{''.join(secrets.choice(ALPHABET) for _ in range(8))}"


def new_password():
    return "".join(secrets.choice(ALPHABET) for _ in range(8))


def password_matches(application, password):
    """Constant work whether or not the application exists (no way to probe for valid codes)."""
    if application is None:
        check_password(password or "", _DUMMY_HASH)
        return False
    return check_password((password or "").strip().upper(), application.password_hash)


def hash_password(password):
    return make_password(password)
