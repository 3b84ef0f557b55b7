"""The bundled sample corpus (written for the project; see README.md here)."""
