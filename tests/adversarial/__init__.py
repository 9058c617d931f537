"""Adversarial cases for numerical derivatives (issue 13): cases.py, and the tests over them."""
