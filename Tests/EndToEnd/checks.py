"""Test registry and assertions shared by the end-to-end test modules."""
import subprocess

TESTS = []


def test(function):
    """Registers an end-to-end test; run.py calls each with the running stack, in definition order."""
    TESTS.append(function)
    return function


def expect_equal(actual, expected, what):
    if actual != expected:
        raise AssertionError(f"{what}: expected {expected!r}, got {actual!r}")


def expect_in(needle, haystack, what):
    if needle not in haystack:
        raise AssertionError(f"{what}: {needle!r} not found")


def psql(database_url, sql):
    return subprocess.run(["psql", database_url, "-v", "ON_ERROR_STOP=1", "-qtAc", sql],
                          capture_output=True, text=True, check=True).stdout.strip()
