"""The bundled example files (examples/) and fonts (fonts/), installed with the code as the
package `attention_clips_assets`; attention_core/assets.py finds them either way."""
