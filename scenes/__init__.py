"""Manim scenes: each draws one lesson from attention_core and computes no math itself."""
