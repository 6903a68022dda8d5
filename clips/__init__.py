"""Rendering clips to files: the jobs render.py runs and the manifest it writes."""
