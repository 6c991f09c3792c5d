"""Gongkai (公开): government-transparency work for a city, its units and the public."""
