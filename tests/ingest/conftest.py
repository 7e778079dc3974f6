"""The extractor must work from what ships: any PyThaiNLP download attempted here fails loudly."""

import os

os.environ["PYTHAINLP_OFFLINE"] = "1"
